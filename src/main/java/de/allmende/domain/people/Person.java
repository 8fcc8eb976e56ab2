package de.allmende.domain.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Someone who logs in. The password hash never leaves the service layer; this record says only whether
 * one is set, so a person made by the CLI who has not yet chosen a password cannot log in.
 */
public record Person(long id, String username, String email, boolean hasPassword, Optional<Instant> disabled,
                     Instant created, List<Membership> memberships) {
    public Person {
        memberships = List.copyOf(memberships);
    }

    public boolean isDisabled() {
        return disabled.isPresent();
    }

    public Optional<Membership> membership(long actorId) {
        return memberships.stream().filter(m -> m.municipality().id() == actorId).findFirst();
    }
}
