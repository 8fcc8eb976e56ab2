package de.allmende.api.mastodon;

import de.allmende.support.ApiException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nested parameters as Rails reads them, for the calls that take them (markers, lists, filters): from the query, a
 * form body ({@code home[last_read_id]=1}, {@code keywords_attributes[][keyword]=x},
 * {@code keywords_attributes[0][keyword]=x}, {@code context[]=home}) or a JSON body, folded into one JSON object.
 */
final class BodyParams {
    private static final Pattern KEY = Pattern.compile("([^\\[\\]]+)((?:\\[[^\\[\\]]*])*)");
    private static final Pattern PART = Pattern.compile("\\[([^\\[\\]]*)]");
    private final JsonObject values;

    private BodyParams(JsonObject values) {
        this.values = values;
    }

    static BodyParams of(RoutingContext ctx) {
        JsonObject out = new JsonObject();
        ctx.request().params().forEach(e -> put(out, e.getKey(), e.getValue()));
        String type = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") && ctx.body() != null && ctx.body().length() > 0) {
            try {
                JsonObject json = ctx.body().asJsonObject();
                if (json != null) out.mergeIn(json);
            } catch (DecodeException | ClassCastException e) {
                throw ApiException.badRequest("The request body is not a JSON object");
            }
        }
        return new BodyParams(out);
    }

    /** A single value as text (numbers and booleans of JSON bodies too); empty when absent or not a single value. */
    Optional<String> string(String name) {
        Object v = values.getValue(name);
        return v instanceof String || v instanceof Number || v instanceof Boolean ? Optional.of(String.valueOf(v)) : Optional.empty();
    }

    /** Rails' reading of a boolean: "false", "0", "off", "f" and "" are false, anything else true. */
    Optional<Boolean> bool(String name) {
        return string(name).map(BodyParams::truthy);
    }

    static boolean truthy(String v) {
        return !List.of("false", "0", "off", "f", "").contains(v.strip().toLowerCase(Locale.ROOT));
    }

    /** An array of values ({@code name[]} or a JSON array); a single value counts as one. */
    List<String> strings(String name) {
        Object v = values.getValue(name);
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) a.forEach(item -> { if (item != null && !(item instanceof JsonObject)) out.add(String.valueOf(item)); });
        else string(name).ifPresent(out::add);
        return out;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** A nested object ({@code name[key]=…} or a JSON object). */
    Optional<BodyParams> object(String name) {
        return values.getValue(name) instanceof JsonObject o ? Optional.of(new BodyParams(o)) : Optional.empty();
    }

    /** A list of nested objects: {@code name[][key]}, {@code name[0][key]} or a JSON array (or object keyed by index). */
    List<BodyParams> objects(String name) {
        Object v = values.getValue(name);
        List<BodyParams> out = new ArrayList<>();
        if (v instanceof JsonArray a) a.forEach(item -> { if (item instanceof JsonObject o) out.add(new BodyParams(o)); });
        if (v instanceof JsonObject o) o.forEach(e -> { if (e.getValue() instanceof JsonObject item) out.add(new BodyParams(item)); });
        return out;
    }

    /** Puts one form field into the tree its brackets describe; a repeated key under {@code []} starts a new object. */
    private static void put(JsonObject root, String key, String value) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) return;
        List<String> parts = new ArrayList<>();
        Matcher p = PART.matcher(m.group(2));
        while (p.find()) parts.add(p.group(1));
        String name = m.group(1);
        if (parts.isEmpty()) {
            root.put(name, value);
        } else if (parts.size() == 1 && parts.getFirst().isEmpty()) {
            array(root, name).add(value);
        } else if (parts.size() == 1) {
            object(root, name).put(parts.getFirst(), value);
        } else if (parts.getFirst().isEmpty()) {
            JsonArray items = array(root, name);
            JsonObject last = items.isEmpty() || !(items.getValue(items.size() - 1) instanceof JsonObject o) || o.containsKey(parts.get(1)) ? null : o;
            if (last == null) items.add(last = new JsonObject());
            last.put(parts.get(1), value);
        } else {
            object(object(root, name), parts.getFirst()).put(parts.get(1), value);
        }
    }

    private static JsonArray array(JsonObject o, String name) {
        if (!(o.getValue(name) instanceof JsonArray)) o.put(name, new JsonArray());
        return o.getJsonArray(name);
    }

    private static JsonObject object(JsonObject o, String name) {
        if (!(o.getValue(name) instanceof JsonObject)) o.put(name, new JsonObject());
        return o.getJsonObject(name);
    }
}
