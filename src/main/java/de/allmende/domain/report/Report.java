package de.allmende.domain.report;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A report kept for moderation: filed here from an app, or received from another server as a Flag ({@code received}).
 *
 * @param iri       the Flag that carried it (sent when forwarded, or received); empty for one kept only here
 * @param accountId who reported (a municipality, or the remote actor that sent the Flag)
 * @param statusIds the reported posts, the target's
 */
public record Report(long id, Optional<URI> iri, boolean received, long accountId, long targetAccountId, List<Long> statusIds,
                     String comment, ReportCategory category, List<String> ruleIds, boolean forwarded,
                     Optional<Instant> actionTakenAt, Instant created) {}
