package de.allmende.federation.content;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Event;
import de.allmende.content.vocab.JoinMode;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The event terms (FEP-8a8e, with Mobilizon's names). Start and end carry their UTC offset and the
 * IANA zone travels as {@code timezone}. Mastodon shows only name, summary and link, so the
 * summary begins with when and where (as Gancio does).
 */
final class EventAs {
    /** FEP-8a8e: a VirtualLocation should have a name as well as its url. */
    private static final String ONLINE = "Online-Teilnahme";

    private EventAs() {}

    static String write(ObjectNode o, Event e) {
        o.put("startTime", e.startsAt().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        o.put("endTime", e.endsAt().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        o.put("timezone", e.timeZone().getId());
        String when = EventSummary.whenAndWhere(e, true);
        String summaryDe = e.common().summary() == null ? when : when + "\n\n" + e.common().summary().de();
        o.put("summary", summaryDe);
        ObjectNode summaryMap = o.putObject("summaryMap").put("de", summaryDe);
        String whenEn = EventSummary.whenAndWhere(e, false);
        if (e.common().summary() != null && e.common().summary().en() != null) {
            summaryMap.put("en", whenEn + "\n\n" + e.common().summary().en());
        } else if (e.common().title().en() != null) {
            summaryMap.put("en", whenEn);
        }
        location(o, e);
        o.put("isOnline", e.place() == null);
        o.put("eventStatus", e.status().schemaOrg());
        o.put("status", e.status().ical());
        o.put("joinMode", e.joinMode().code());
        if (e.registrationUrl() != null) o.put("externalParticipationUrl", e.registrationUrl().toString());
        o.put("category", e.category().code());
        o.put("inLanguage", "de");
        organizers(o, e);
        if (e.project() != null) o.put("project", e.project().toString());
        boolean external = e.joinMode() == JoinMode.EXTERNAL && e.registrationUrl() != null;
        return ContentToAs.body(o, e.common().body(), german -> !external ? ""
                : "<p><a href=\"" + de.allmende.support.Html.escape(e.registrationUrl().toString()) + "\">"
                + (german ? "Anmeldung" : "Registration") + "</a></p>");
    }

    /**
     * FEP-8a8e requires {@code organizers} (absent or null would mean "not disclosed"): the actors
     * staff named, or else the municipality itself. Named organisers are Mobilizon's contacts too.
     */
    private static void organizers(ObjectNode o, Event e) {
        List<String> organisers = e.organisers().isEmpty() ? List.of(o.get("attributedTo").asText())
                : e.organisers().stream().map(URI::toString).toList();
        ObjectNode org = o.putObject("organizers").put("type", "Collection").put("totalItems", organisers.size());
        ArrayNode items = org.putArray("items");
        organisers.forEach(items::add);
        ContentToAs.uris(o, "contacts", e.organisers());
    }

    /** A Place, a VirtualLocation, or both (hybrid): FEP-8a8e allows an array, readers take the first they know. */
    private static void location(ObjectNode o, Event e) {
        ObjectNode place = null;
        if (e.place() != null) {
            Event.Place p = e.place();
            place = o.objectNode().put("type", "Place").put("name", p.name());
            ObjectNode address = place.putObject("address").put("type", "PostalAddress");
            put(address, "streetAddress", p.street());
            put(address, "postalCode", p.postalCode());
            put(address, "addressLocality", p.locality());
            put(address, "addressRegion", p.region());
            put(address, "addressCountry", p.country());
            if (p.latitude() != null) place.put("latitude", p.latitude()).put("longitude", p.longitude());
        }
        ObjectNode virtual = e.onlineUrl() == null ? null
                : o.objectNode().put("type", "VirtualLocation").put("name", ONLINE).put("url", e.onlineUrl().toString());
        if (place != null && virtual != null) o.putArray("location").add(place).add(virtual);
        else if (place != null) o.set("location", place);
        else if (virtual != null) o.set("location", virtual);
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }

}
