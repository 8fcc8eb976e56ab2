package de.allmende.api.staff;

import de.allmende.content.ContentKind;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.ProjectStatus;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import de.allmende.federation.iri.Iris;
import de.allmende.store.ContentStore;
import io.vertx.core.MultiMap;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The query of a content listing: filters, cursor and page size, checked per parameter. A parameter
 * the kind does not know is an error, so a misspelt filter never silently returns everything.
 */
record ContentQuery(ContentStore.Filter filter, Optional<String> cursor, int limit, Map<String, String> params) {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Dates without a time mean the start of that day where the municipalities are. */
    private static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");
    private static final Set<String> ALWAYS = Set.of("cursor", "limit", "fieldOfAction", "updatedSince");

    /** The filters each kind offers besides {@link #ALWAYS}. */
    static Set<String> filtersOf(ContentKind kind) {
        return switch (kind) {
            case PROJECT -> Set.of("status");
            case UPDATE, LESSON -> Set.of("project");
            case EVENT -> Set.of("project", "from", "to");
            case AID -> Set.of();
        };
    }

    static ContentQuery parse(ContentKind kind, MultiMap query, Iris iris) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : query.names()) {
            if (!ALWAYS.contains(name) && !filtersOf(kind).contains(name)) {
                errors.add(new FieldError(name, "is not a parameter of " + kind.plural() + "; known: " + known(kind)));
            } else if (query.getAll(name).size() > 1) {
                errors.add(new FieldError(name, "may be given once"));
            } else {
                params.put(name, query.get(name).strip());
            }
        }
        Reader r = new Reader(params, errors);
        ContentStore.Filter filter = new ContentStore.Filter(
                r.vocab("fieldOfAction", Handlungsfeld.class),
                r.vocab("status", ProjectStatus.class),
                r.project(iris),
                r.time("from"),
                r.time("to"),
                r.time("updatedSince"));
        int limit = r.limit();
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new ContentQuery(filter, Optional.ofNullable(params.get("cursor")), limit, params);
    }

    /** This query's parameters with {@code cursor} for the next page, URL-encoded. */
    String withCursor(String next) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove("cursor");
        p.put("cursor", next);
        return p.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String known(ContentKind kind) {
        List<String> all = new ArrayList<>(ALWAYS);
        all.addAll(filtersOf(kind));
        return all.stream().sorted().collect(Collectors.joining(", "));
    }

    /** Reads single parameters, adding a field error for each bad one. */
    private record Reader(Map<String, String> params, List<FieldError> errors) {
        <E extends Enum<E> & Vocabulary> String vocab(String name, Class<E> type) {
            String code = params.get(name);
            if (code == null) return null;
            if (Vocabulary.parse(type, code).isEmpty()) errors.add(new FieldError(name, "'" + code + "' is not " + Vocabulary.allowed(type)));
            return code;
        }

        /** A project by IRI, or a local project by its id. */
        String project(Iris iris) {
            String p = params.get("project");
            if (p == null) return null;
            try {
                return iris.object(UUID.fromString(p).toString()).toString();
            } catch (IllegalArgumentException notAnId) {
                // then it should be an IRI
            }
            try {
                URI uri = new URI(p);
                if (uri.isAbsolute() && uri.getHost() != null) return p;
            } catch (URISyntaxException e) {
                // reported below
            }
            errors.add(new FieldError("project", "must be a project's IRI or the id of a project on this node"));
            return null;
        }

        /** An RFC 3339 date-time, or a date (the start of that day in Germany). */
        Instant time(String name) {
            String t = params.get(name);
            if (t == null) return null;
            try {
                return t.contains("T") ? OffsetDateTime.parse(t).toInstant() : LocalDate.parse(t).atStartOfDay(LOCAL).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(name, "must be a date like 2026-03-01 or a date-time like 2026-03-01T18:00:00+01:00"));
                return null;
            }
        }

        int limit() {
            String l = params.get("limit");
            if (l == null) return DEFAULT_LIMIT;
            try {
                int n = Integer.parseInt(l);
                if (n >= 1 && n <= MAX_LIMIT) return n;
            } catch (NumberFormatException e) {
                // falls through to the error
            }
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            return DEFAULT_LIMIT;
        }
    }
}
