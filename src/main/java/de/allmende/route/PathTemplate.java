package de.allmende.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path with typed parameters, and the query parameters the node writes into links to it: written
 * once, it builds paths, parses them strictly, and gives the router its paths. Parts are literals
 * and {@link Param}s, e.g. {@code at("/actors/", HANDLE, "/feed.atom")}.
 */
public final class PathTemplate {
    private final List<Object> parts;
    private final List<Param> params;
    private final List<Param> query;
    private final Pattern pattern;

    private PathTemplate(List<Object> parts, List<Param> query) {
        this.parts = List.copyOf(parts);
        this.params = parts.stream().filter(Param.class::isInstance).map(Param.class::cast).toList();
        this.query = List.copyOf(query);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Object part = parts.get(i);
            if (part instanceof Param) {
                // The router's ":name" ends at the first character that cannot be in a name: make sure it is a '/'.
                if (i + 1 < parts.size() && !(parts.get(i + 1) instanceof String next && next.startsWith("/"))) {
                    throw new IllegalArgumentException("a parameter must end its path segment: " + parts);
                }
                regex.append("([^/]+)");
            } else if (part instanceof String literal) {
                regex.append(Pattern.quote(literal));
            } else {
                throw new IllegalArgumentException("a part is a literal or a Param: " + part);
            }
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    /** A template of literals and path parameters, without query. */
    public static PathTemplate at(Object... parts) {
        return new PathTemplate(List.of(parts), List.of());
    }

    /** The same path with the query parameters links to it may carry. */
    public PathTemplate query(Param... params) {
        return new PathTemplate(parts, List.of(params));
    }

    /** The same template below a prefix, e.g. the staff API's base path. */
    PathTemplate under(String prefix) {
        if (prefix.isEmpty()) return this;
        List<Object> prefixed = new ArrayList<>(parts);
        prefixed.addFirst(prefix);
        return new PathTemplate(prefixed, query);
    }

    /** The path parameters, in order. */
    public List<Param> params() {
        return params;
    }

    public List<Param> queryParams() {
        return query;
    }

    /**
     * The raw path (and query) for these values, percent-encoded so it never throws whatever the values
     * are: a hostile value stays one segment and simply names nothing. Query values are written in
     * declaration order; naming a query parameter the template does not declare is a programming error.
     */
    public String build(List<String> values, Map<Param, String> queryValues) {
        if (values.size() != params.size()) throw new IllegalArgumentException(this + " takes " + params + ", got " + values.size());
        for (Param p : queryValues.keySet()) {
            if (!query.contains(p)) throw new IllegalArgumentException(this + " has no query parameter " + p);
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (Object part : parts) out.append(part instanceof Param ? Encoding.segment(values.get(next++)) : part);
        char separator = '?';
        for (Param p : query) {
            String value = queryValues.get(p);
            if (value == null) continue;
            out.append(separator).append(p.name()).append('=').append(Encoding.segment(value));
            separator = '&';
        }
        return out.toString();
    }

    /** Path values (raw: their syntax admits nothing to decode) and query values (decoded) of a parse. */
    public record Values(List<String> path, Map<Param, String> query) {}

    /**
     * Parses a raw path and raw query (null if none). Strict: the path must match exactly (no
     * trailing slash, no extra segment), each value must have its parameter's syntax, and a query may
     * name only declared parameters, each once, with values that decode as UTF-8.
     */
    public Optional<Values> match(String rawPath, String rawQuery) {
        if (rawPath == null) return Optional.empty();
        Matcher m = pattern.matcher(rawPath);
        if (!m.matches()) return Optional.empty();
        List<String> values = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            String value = m.group(i + 1);
            if (!params.get(i).accepts(value)) return Optional.empty();
            values.add(value);
        }
        return parseQuery(rawQuery).map(q -> new Values(List.copyOf(values), q));
    }

    private Optional<Map<Param, String>> parseQuery(String rawQuery) {
        Map<Param, String> out = new LinkedHashMap<>();
        if (rawQuery == null) return Optional.of(out);
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) return Optional.empty();
            String name = pair.substring(0, eq);
            Optional<String> value = Encoding.decode(pair.substring(eq + 1));
            Optional<Param> param = query.stream().filter(p -> p.name().equals(name)).findFirst();
            if (param.isEmpty() || value.isEmpty() || !param.get().accepts(value.get()) || out.put(param.get(), value.get()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** A path as the router takes it, and the values of closed parameters it stands for. */
    public record RouterPath(String path, Map<String, String> fixed) {}

    /**
     * The paths to register: {@code :name} for each open parameter; a closed parameter is written
     * out, one path per value, so the router (and the OpenAPI document) list each.
     */
    public List<RouterPath> routerPaths() {
        List<RouterPath> out = List.of(new RouterPath("", Map.of()));
        for (Object part : parts) {
            List<RouterPath> grown = new ArrayList<>();
            for (RouterPath sofar : out) {
                if (part instanceof Param p && p.isClosed()) {
                    for (String value : p.values()) {
                        Map<String, String> fixed = new LinkedHashMap<>(sofar.fixed());
                        fixed.put(p.name(), value);
                        grown.add(new RouterPath(sofar.path() + value, Map.copyOf(fixed)));
                    }
                } else {
                    grown.add(new RouterPath(sofar.path() + (part instanceof Param p ? ":" + p.name() : part), sofar.fixed()));
                }
            }
            out = grown;
        }
        return out;
    }

    /** RFC 6570 notation, e.g. {@code /actors/{handle}/outbox{?page,max_id}}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Object part : parts) s.append(part instanceof Param p ? "{" + p.name() + "}" : part);
        if (!query.isEmpty()) s.append("{?").append(String.join(",", query.stream().map(Param::name).toList())).append('}');
        return s.toString();
    }
}
