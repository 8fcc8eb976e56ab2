package de.allmende.content;

import de.allmende.content.vocab.EventCategory;
import de.allmende.content.vocab.EventStatus;
import de.allmende.content.vocab.JoinMode;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * An event (FEP-8a8e with Mobilizon's terms). Times are local wall-clock times in {@code timeZone},
 * so a workshop at 18:00 stays at 18:00 across daylight-saving changes.
 */
public record Event(Common common, LocalDateTime start, LocalDateTime end, ZoneId timeZone, Place place, URI onlineUrl,
                    EventStatus status, JoinMode joinMode, URI registrationUrl, EventCategory category,
                    List<URI> organisers, URI project) implements ContentDetails {
    public Event {
        organisers = List.copyOf(organisers);
    }

    @Override public ContentKind kind() { return ContentKind.EVENT; }

    public ZonedDateTime startsAt() { return start.atZone(timeZone); }
    public ZonedDateTime endsAt() { return end.atZone(timeZone); }

    /** A physical location: schema.org Place with a PostalAddress and optional coordinates. */
    public record Place(String name, String street, String postalCode, String locality, String region, String country,
                        Double latitude, Double longitude) {}
}
