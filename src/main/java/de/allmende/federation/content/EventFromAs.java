package de.allmende.federation.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.vocab.EventCategory;
import de.allmende.content.vocab.EventStatus;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.federation.json.Json;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/** The event terms of a received Event → the staff API's shape (local times in the event's zone). */
final class EventFromAs {
    private EventFromAs() {}

    static void read(ObjectNode in, JsonNode o) {
        ZoneId zone = Json.text(o.get("timezone")).flatMap(EventFromAs::zone).orElse(ZoneId.of("Europe/Berlin"));
        in.put("timeZone", zone.getId());
        local(o.get("startTime"), zone).ifPresent(t -> in.put("start", t));
        local(o.get("endTime"), zone).ifPresent(t -> in.put("end", t));
        for (JsonNode loc : Json.each(o.get("location"))) {
            String type = loc.path("type").asText();
            if (type.equals("Place") && !in.has("place")) place(in, loc);
            if (type.equals("VirtualLocation") && !in.has("onlineUrl")) Json.uri(loc.get("url")).ifPresent(u -> in.put("onlineUrl", u.toString()));
        }
        EventStatus.fromWire(o.path("eventStatus").asText(null), o.path("status").asText(null))
                .ifPresent(s -> in.put("status", s.code()));
        AsToContent.copy(in, "joinMode", o, "joinMode");
        AsToContent.copy(in, "registrationUrl", o, "externalParticipationUrl");
        // As Mobilizon does, a category we do not know (FEP-8a8e has many more) reads as MEETING.
        Json.text(o.get("category")).ifPresent(c -> in.put("category",
                Vocabulary.parse(EventCategory.class, c).orElse(EventCategory.MEETING).code()));
        JsonNode items = o.path("organizers").path("items");
        // The author alone is what we publish when staff named no organisers.
        boolean onlyAuthor = items.size() == 1 && items.get(0).asText().equals(o.path("attributedTo").asText());
        if (items.isArray() && !onlyAuthor) in.set("organisers", items.deepCopy());
        AsToContent.copy(in, "project", o, "project");
    }

    /** The summary we publish starts with a when-and-where line; the author's text follows a blank line. */
    static void stripWhenAndWhere(ObjectNode in) {
        ObjectNode summary = (ObjectNode) in.get("summary");
        for (String lang : new String[]{"de", "en"}) {
            if (!summary.has(lang)) continue;
            String s = summary.get(lang).asText();
            int gap = s.indexOf("\n\n");
            if (gap < 0) summary.remove(lang);
            else summary.put(lang, s.substring(gap + 2));
        }
        if (!summary.has("de")) in.remove("summary");
    }

    private static void place(ObjectNode in, JsonNode loc) {
        ObjectNode p = in.putObject("place");
        AsToContent.copy(p, "name", loc, "name");
        JsonNode a = loc.path("address");
        if (a.isObject()) {
            AsToContent.copy(p, "street", a, "streetAddress");
            AsToContent.copy(p, "postalCode", a, "postalCode");
            AsToContent.copy(p, "locality", a, "addressLocality");
            AsToContent.copy(p, "region", a, "addressRegion");
            AsToContent.copy(p, "country", a, "addressCountry");
        } else if (a.isTextual()) {
            p.put("street", a.asText());
        }
        AsToContent.copy(p, "latitude", loc, "latitude");
        AsToContent.copy(p, "longitude", loc, "longitude");
    }

    private static Optional<String> local(JsonNode t, ZoneId zone) {
        try {
            return Json.text(t).map(s -> OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDateTime().toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
