package de.allmende.domain.people;

import java.time.Instant;
import java.util.Optional;

/** One change to a municipality's content and who made it; kept for the municipality, never federated. */
public record AuditEntry(long id, long actorId, Optional<String> username, String credential, String action,
                         String targetKind, String targetId, Instant at) {}
