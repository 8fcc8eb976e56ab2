package de.allmende.content;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static de.allmende.content.ContentJson.text;
import static de.allmende.content.ContentJson.uri;
import static de.allmende.content.ContentJson.uris;

/** The event-specific fields of the API representation. */
final class EventJson {
    private EventJson() {}

    static void write(ObjectNode o, Event e) {
        o.put("start", e.start().toString());
        o.put("end", e.end().toString());
        o.put("timeZone", e.timeZone().getId());
        if (e.place() != null) {
            Event.Place p = e.place();
            ObjectNode n = o.putObject("place").put("name", p.name());
            text(n, "street", p.street());
            text(n, "postalCode", p.postalCode());
            text(n, "locality", p.locality());
            text(n, "region", p.region());
            text(n, "country", p.country());
            if (p.latitude() != null) n.put("latitude", p.latitude()).put("longitude", p.longitude());
        }
        uri(o, "onlineUrl", e.onlineUrl());
        o.put("status", e.status().code());
        o.put("joinMode", e.joinMode().code());
        uri(o, "registrationUrl", e.registrationUrl());
        o.put("category", e.category().code());
        uris(o, "organisers", e.organisers());
        uri(o, "project", e.project());
    }
}
