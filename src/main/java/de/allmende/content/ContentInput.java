package de.allmende.content;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.InputReader.Need;
import de.allmende.content.vocab.AidKind;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.Licence;
import de.allmende.content.vocab.Offenheit;
import de.allmende.content.vocab.ProjectStatus;
import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Staff API input (JSON) → validated domain values, with every problem reported per field. The same
 * reader parses the JSON stored in the database, which {@link ContentJson} wrote.
 */
public final class ContentInput {
    static final int TITLE = 200;
    static final int SUMMARY = 500;
    static final int BODY = 100_000;
    static final int SHORT = 300;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]{1,50}");
    private static final Set<String> COMMON = Set.of("title", "summary", "body", "fieldsOfAction", "tags", "images");

    private ContentInput() {}

    public static ContentDetails parse(ContentKind kind, JsonNode json, MediaLookup media) {
        List<FieldError> errors = new ArrayList<>();
        if (json == null || !json.isObject()) throw new ValidationException(List.of(new FieldError("body", "must be a JSON object")));
        InputReader r = new InputReader(json, "", errors);
        ContentDetails details = switch (kind) {
            case PROJECT -> ProjectInput.read(r, common(r, kind, media));
            case UPDATE -> update(r, common(r, kind, media));
            case EVENT -> EventInput.read(r, common(r, kind, media));
            case LESSON -> LessonInput.read(r, common(r, kind, media));
            case AID -> aid(r, common(r, kind, media), media);
        };
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return details;
    }

    static Set<String> known(Set<String> specific) {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(specific);
        return all;
    }

    private static Common common(InputReader r, ContentKind kind, MediaLookup media) {
        boolean isUpdate = kind == ContentKind.UPDATE;
        Localized title = r.localized("title", isUpdate ? Need.OPTIONAL : Need.REQUIRED, TITLE);
        // A Note's summary would become a content warning in Mastodon, so updates have none.
        Localized summary = isUpdate ? null
                : r.localized("summary", kind == ContentKind.EVENT ? Need.OPTIONAL : Need.REQUIRED, SUMMARY);
        if (isUpdate && r.has("summary")) r.error("summary", "updates have no summary (Mastodon would show it as a content warning)");
        Localized body = r.localized("body", isUpdate ? Need.REQUIRED : Need.OPTIONAL, BODY);
        List<Handlungsfeld> fields = r.vocabList("fieldsOfAction", Handlungsfeld.class, isUpdate ? Need.OPTIONAL : Need.REQUIRED);
        List<String> tags = new ArrayList<>();
        for (String t : r.strings("tags", 20, 51)) {
            String tag = t.startsWith("#") ? t.substring(1) : t;
            if (!TAG.matcher(tag).matches()) r.error("tags", "'" + t + "' is not a hashtag (letters, digits and _ only)");
            else tags.add(tag);
        }
        List<Attachment> images = attachments(r, "images", Need.OPTIONAL, media, 4);
        for (Attachment a : images) if (!a.isImage()) r.error("images", a.name() + " is not an image");
        return new Common(title, summary, body, fields, tags, images);
    }

    /** Uploaded media by id; stored content carries the attachment objects themselves. */
    static List<Attachment> attachments(InputReader r, String field, Need need, MediaLookup media, int max) {
        List<Attachment> out = new ArrayList<>();
        for (JsonNode item : r.array(field, need, max)) {
            if (item.isObject() && media == MediaLookup.NONE) {
                InputReader a = r.nested(field, item);
                UUID id = a.uuid("id", Need.OPTIONAL);
                out.add(new Attachment(id, a.url("url", Need.REQUIRED), a.text("mediaType", Need.REQUIRED, 200),
                        a.text("name", Need.OPTIONAL, SHORT)));
                continue;
            }
            JsonNode idNode = item.isObject() ? item.get("id") : item;
            UUID id;
            try {
                id = UUID.fromString(idNode == null ? "" : idNode.asText());
            } catch (IllegalArgumentException e) {
                r.error(field, "must be a list of media ids");
                continue;
            }
            media.find(id).ifPresentOrElse(out::add, () -> r.error(field, "no uploaded file with id " + id));
        }
        return out;
    }

    static Project.StatusAsOf status(InputReader r, String field, Need need) {
        InputReader s = r.object(field, need);
        if (s == null) return null;
        s.onlyKnown(Set.of("value", "asOf"));
        ProjectStatus value = s.vocab("value", ProjectStatus.class, Need.REQUIRED);
        var asOf = s.date("asOf", Need.REQUIRED);
        return value == null || asOf == null ? null : new Project.StatusAsOf(value, asOf);
    }

    private static ProjectUpdate update(InputReader r, Common common) {
        r.onlyKnown(known(Set.of("project", "newStatus")));
        URI project = r.url("project", Need.REQUIRED);
        return new ProjectUpdate(common, project, status(r, "newStatus", Need.OPTIONAL));
    }

    private static WorkingAid aid(InputReader r, Common common, MediaLookup media) {
        r.onlyKnown(known(Set.of("aidKind", "licence", "version", "derivedFrom", "files")));
        AidKind kind = r.vocab("aidKind", AidKind.class, Need.REQUIRED);
        Licence licence = r.vocab("licence", Licence.class, Need.REQUIRED);
        String version = r.text("version", Need.OPTIONAL, 50);
        URI derivedFrom = r.url("derivedFrom", Need.OPTIONAL);
        List<Attachment> files = attachments(r, "files", Need.REQUIRED, media, 10);
        return new WorkingAid(common, kind, licence, version, derivedFrom, files);
    }

    static List<Offenheit> openness(InputReader r) {
        return r.vocabList("openness", Offenheit.class, Need.OPTIONAL);
    }
}
