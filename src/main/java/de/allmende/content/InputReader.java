package de.allmende.content;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.domain.FieldError;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads one JSON object of API input field by field, collecting every problem as a
 * {@link FieldError} with its path (e.g. {@code place.latitude}) instead of stopping at the first.
 * Absent and null fields read as null; {@link Need#REQUIRED} turns that into an error.
 */
final class InputReader {
    enum Need { REQUIRED, OPTIONAL }

    static final int MAX_URL = 2000;

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    InputReader(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    List<FieldError> errors() { return errors; }

    String path(String field) { return prefix.isEmpty() ? field : prefix + "." + field; }

    void error(String field, String message) { errors.add(new FieldError(path(field), message)); }

    /** Fields not in {@code known} are errors: a typo should not be silently ignored. */
    void onlyKnown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) error(f, "unknown field");
        }
    }

    private JsonNode value(String field, Need need) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (need == Need.REQUIRED) error(field, "is required");
            return null;
        }
        return v;
    }

    String text(String field, Need need, int max) {
        JsonNode v = value(field, need);
        if (v == null) return null;
        if (!v.isTextual()) { error(field, "must be a string"); return null; }
        String s = v.asText().strip();
        if (s.isEmpty()) { if (need == Need.REQUIRED) error(field, "must not be empty"); return null; }
        if (s.length() > max) { error(field, "must be at most " + max + " characters"); return null; }
        return s;
    }

    /** {"de": "...", "en": "..."}: German required whenever the field is given. */
    Localized localized(String field, Need need, int max) {
        JsonNode v = value(field, need);
        if (v == null) return null;
        if (!v.isObject()) { error(field, "must be an object with \"de\" and optionally \"en\""); return null; }
        InputReader r = nested(field, v);
        r.onlyKnown(Set.of("de", "en"));
        String de = r.text("de", Need.REQUIRED, max);
        String en = r.text("en", Need.OPTIONAL, max);
        return de == null ? null : new Localized(de, en);
    }

    <E extends Enum<E> & Vocabulary> E vocab(String field, Class<E> type, Need need) {
        String code = text(field, need, 100);
        if (code == null) return null;
        return Vocabulary.parse(type, code).orElseGet(() -> {
            error(field, "'" + code + "' is not " + Vocabulary.allowed(type));
            return null;
        });
    }

    <E extends Enum<E> & Vocabulary> List<E> vocabList(String field, Class<E> type, Need need) {
        List<E> out = new ArrayList<>();
        for (JsonNode item : array(field, need, 20)) {
            var e = item.isTextual() ? Vocabulary.parse(type, item.asText()) : java.util.Optional.<E>empty();
            if (e.isEmpty()) error(field, "'" + item.asText() + "' is not " + Vocabulary.allowed(type));
            else if (out.contains(e.get())) error(field, "'" + item.asText() + "' is listed twice");
            else out.add(e.get());
        }
        return out;
    }

    List<String> strings(String field, int maxItems, int maxLength) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(field, Need.OPTIONAL, maxItems)) {
            if (!item.isTextual() || item.asText().isBlank()) error(field, "must be a list of non-empty strings");
            else if (item.asText().length() > maxLength) error(field, "items must be at most " + maxLength + " characters");
            else out.add(item.asText().strip());
        }
        return out;
    }

    /** Elements of an array field (empty if absent); {@code REQUIRED} means at least one. */
    List<JsonNode> array(String field, Need need, int maxItems) {
        JsonNode v = value(field, need);
        if (v == null) return List.of();
        if (!v.isArray()) { error(field, "must be a list"); return List.of(); }
        if (need == Need.REQUIRED && v.isEmpty()) { error(field, "must not be empty"); return List.of(); }
        if (v.size() > maxItems) { error(field, "must have at most " + maxItems + " items"); return List.of(); }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    LocalDate date(String field, Need need) {
        return parse(field, need, "a date like 2026-03-01", LocalDate::parse);
    }

    LocalDateTime dateTime(String field, Need need) {
        return parse(field, need, "a local date and time like 2026-03-01T18:00", LocalDateTime::parse);
    }

    ZoneId zone(String field, Need need) {
        return parse(field, need, "an IANA time zone like Europe/Berlin", s -> {
            if (!s.contains("/") && !s.equals("UTC")) throw new DateTimeException("not a region id");
            return ZoneId.of(s);
        });
    }

    UUID uuid(String field, Need need) {
        return parse(field, need, "an id (UUID)", UUID::fromString);
    }

    /** An absolute http(s) URL. */
    URI url(String field, Need need) {
        return parse(field, need, "an absolute http(s) URL", InputReader::httpUrl);
    }

    List<URI> urls(String field, int maxItems) {
        List<URI> out = new ArrayList<>();
        for (JsonNode item : array(field, Need.OPTIONAL, maxItems)) {
            try {
                out.add(httpUrl(item.asText()));
            } catch (RuntimeException e) {
                error(field, "'" + item.asText() + "' is not an absolute http(s) URL");
            }
        }
        return out;
    }

    BigDecimal number(String field, double min, double max) {
        JsonNode v = value(field, Need.OPTIONAL);
        if (v == null) return null;
        if (!v.isNumber()) { error(field, "must be a number"); return null; }
        if (v.asDouble() < min || v.asDouble() > max) { error(field, "must be between " + min + " and " + max); return null; }
        return v.decimalValue();
    }

    /** A nested object's reader, or null if the field is absent. */
    InputReader object(String field, Need need) {
        JsonNode v = value(field, need);
        if (v == null) return null;
        if (!v.isObject()) { error(field, "must be an object"); return null; }
        return nested(field, v);
    }

    InputReader nested(String field, JsonNode v) {
        return new InputReader(v, path(field), errors);
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    private <T> T parse(String field, Need need, String expected, Function<String, T> parser) {
        JsonNode v = value(field, need);
        if (v == null) return null;
        if (!v.isTextual()) { error(field, "must be " + expected); return null; }
        try {
            return parser.apply(v.asText().strip());
        } catch (RuntimeException e) {
            error(field, "must be " + expected);
            return null;
        }
    }

    static URI httpUrl(String s) {
        if (s == null || s.length() > MAX_URL) throw new IllegalArgumentException("bad url");
        try {
            URI u = new URI(s);
            String scheme = u.getScheme();
            if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || u.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
