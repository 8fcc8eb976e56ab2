package de.allmende.content;

import de.allmende.content.InputReader.Need;
import de.allmende.content.vocab.EventCategory;
import de.allmende.content.vocab.EventStatus;
import de.allmende.content.vocab.JoinMode;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

/** Reads and checks the event-specific fields. */
final class EventInput {
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    private EventInput() {}

    static Event read(InputReader r, Common common) {
        r.onlyKnown(ContentInput.known(Set.of("start", "end", "timeZone", "place", "onlineUrl", "status", "joinMode",
                "registrationUrl", "category", "organisers", "project")));
        LocalDateTime start = r.dateTime("start", Need.REQUIRED);
        LocalDateTime end = r.dateTime("end", Need.REQUIRED);
        if (start != null && end != null && !end.isAfter(start)) r.error("end", "must be after start");
        ZoneId zone = r.has("timeZone") ? r.zone("timeZone", Need.REQUIRED) : DEFAULT_ZONE;
        if (start != null && zone != null && !zone.getRules().isValidOffset(start, zone.getRules().getOffset(start))) {
            r.error("start", "does not exist in " + zone + " (daylight-saving gap)");
        }
        Event.Place place = place(r);
        URI online = r.url("onlineUrl", Need.OPTIONAL);
        if (place == null && online == null && !r.has("place")) r.error("place", "an event needs a place or an onlineUrl");
        EventStatus status = r.has("status") ? r.vocab("status", EventStatus.class, Need.REQUIRED) : EventStatus.SCHEDULED;
        JoinMode join = r.has("joinMode") ? r.vocab("joinMode", JoinMode.class, Need.REQUIRED) : JoinMode.FREE;
        URI registration = r.url("registrationUrl", Need.OPTIONAL);
        if (join == JoinMode.EXTERNAL && registration == null) r.error("registrationUrl", "is required when joinMode is external");
        EventCategory category = r.has("category") ? r.vocab("category", EventCategory.class, Need.REQUIRED) : EventCategory.MEETING;
        var organisers = r.urls("organisers", 20);
        URI project = r.url("project", Need.OPTIONAL);
        return new Event(common, start, end, zone, place, online, status, join, registration, category, organisers, project);
    }

    private static Event.Place place(InputReader r) {
        InputReader p = r.object("place", Need.OPTIONAL);
        if (p == null) return null;
        p.onlyKnown(Set.of("name", "street", "postalCode", "locality", "region", "country", "latitude", "longitude"));
        String name = p.text("name", Need.REQUIRED, ContentInput.SHORT);
        String street = p.text("street", Need.OPTIONAL, ContentInput.SHORT);
        String postalCode = p.text("postalCode", Need.OPTIONAL, 10);
        if (postalCode != null && !postalCode.matches("[0-9A-Za-z -]{3,10}")) p.error("postalCode", "is not a postal code");
        String locality = p.text("locality", Need.OPTIONAL, ContentInput.SHORT);
        String region = p.text("region", Need.OPTIONAL, ContentInput.SHORT);
        String country = p.text("country", Need.OPTIONAL, 60);
        if (country != null && !country.matches("[A-Z]{2}")) p.error("country", "must be an ISO 3166 code like DE");
        var lat = p.number("latitude", -90, 90);
        var lon = p.number("longitude", -180, 180);
        if ((lat == null) != (lon == null)) p.error(lat == null ? "latitude" : "longitude", "latitude and longitude go together");
        return name == null ? null : new Event.Place(name, street, postalCode, locality, region, country,
                lat == null ? null : lat.doubleValue(), lon == null ? null : lon.doubleValue());
    }
}
