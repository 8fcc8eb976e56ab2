package de.allmende.content;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.vocab.Vocabulary;

import java.net.URI;
import java.util.Collection;

/**
 * Domain values → the staff API's JSON (the same shape {@link ContentInput} reads, with attachments
 * written out whole). Absent values are left out rather than written as null.
 */
public final class ContentJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ContentJson() {}

    /** The full API representation: id, kind, iri, timestamps and the details. */
    public static ObjectNode write(Content c) {
        ObjectNode o = F.objectNode();
        c.id().ifPresent(id -> o.put("id", id.toString()));
        o.put("kind", c.kind().code());
        o.put("iri", c.iri().toString());
        o.put("author", c.author().toString());
        o.put("published", c.published().toString());
        o.put("updated", c.updated().toString());
        o.setAll(details(c.details()));
        return o;
    }

    /** Only the details: what is stored in {@code content.data} and read back by {@link ContentInput}. */
    public static ObjectNode details(ContentDetails d) {
        ObjectNode o = F.objectNode();
        Common c = d.common();
        localized(o, "title", c.title());
        localized(o, "summary", c.summary());
        localized(o, "body", c.body());
        vocab(o, "fieldsOfAction", c.fieldsOfAction());
        if (!c.tags().isEmpty()) c.tags().forEach(o.withArray("tags")::add);
        attachments(o, "images", c.images());
        switch (d) {
            case Project p -> project(o, p);
            case ProjectUpdate u -> {
                o.put("project", u.project().toString());
                status(o, "newStatus", u.newStatus());
            }
            case Event e -> EventJson.write(o, e);
            case Lesson l -> LessonJson.write(o, l);
            case WorkingAid a -> {
                o.put("aidKind", a.aidKind().code());
                o.put("licence", a.licence().code());
                text(o, "version", a.version());
                uri(o, "derivedFrom", a.derivedFrom());
                attachments(o, "files", a.files());
            }
        }
        return o;
    }

    private static void project(ObjectNode o, Project p) {
        status(o, "status", p.status());
        vocab(o, "openness", p.openness());
        text(o, "fundingProgramme", p.fundingProgramme());
        for (Project.Partner partner : p.partners()) {
            ObjectNode n = o.withArray("partners").addObject().put("name", partner.name());
            uri(n, "url", partner.url());
            text(n, "ags", partner.ags());
        }
        uris(o, "councilDocuments", p.councilDocuments());
        for (Project.Contact contact : p.contacts()) {
            ObjectNode n = o.withArray("contacts").addObject().put("name", contact.name());
            text(n, "role", contact.role());
            text(n, "email", contact.email());
            text(n, "phone", contact.phone());
        }
        if (p.startDate() != null) o.put("startDate", p.startDate().toString());
        if (p.endDate() != null) o.put("endDate", p.endDate().toString());
    }

    static void status(ObjectNode o, String field, Project.StatusAsOf s) {
        if (s != null) o.putObject(field).put("value", s.value().code()).put("asOf", s.asOf().toString());
    }

    static void localized(ObjectNode o, String field, Localized l) {
        if (l == null) return;
        ObjectNode n = o.putObject(field).put("de", l.de());
        l.english().ifPresent(en -> n.put("en", en));
    }

    static void vocab(ObjectNode o, String field, Collection<? extends Vocabulary> values) {
        if (values.isEmpty()) return;
        ArrayNode a = o.putArray(field);
        values.forEach(v -> a.add(v.code()));
    }

    static void text(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }

    static void uri(ObjectNode o, String field, URI value) {
        if (value != null) o.put(field, value.toString());
    }

    static void uris(ObjectNode o, String field, Collection<URI> values) {
        if (values.isEmpty()) return;
        ArrayNode a = o.putArray(field);
        values.forEach(u -> a.add(u.toString()));
    }

    static void attachments(ObjectNode o, String field, Collection<Attachment> values) {
        if (values.isEmpty()) return;
        ArrayNode a = o.putArray(field);
        for (Attachment att : values) {
            ObjectNode n = a.addObject();
            if (att.mediaId() != null) n.put("id", att.mediaId().toString());
            n.put("url", att.url().toString()).put("mediaType", att.mediaType());
            text(n, "name", att.name());
        }
    }
}
