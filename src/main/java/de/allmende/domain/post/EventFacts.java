package de.allmende.domain.post;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When and where an event takes place, as every event-capable server understands it (FEP-8a8e, Mobilizon).
 * Allmende's own events carry more (see the municipal details); these are what a calendar needs.
 */
public record EventFacts(Instant start, Optional<Instant> end, Optional<ZoneId> timeZone, Optional<String> placeName,
                         Optional<String> locality, Optional<URI> onlineUrl) {
    public EventFacts {
        if (end.isPresent() && end.get().isBefore(start)) throw new IllegalArgumentException("event ends before it starts");
    }
}
