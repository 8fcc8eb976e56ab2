package de.allmende.api.mastodon;

import de.allmende.domain.oauth.OAuthError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A client's parameters as Mastodon (Rails) reads them: from the query, a form body (urlencoded or
 * multipart) or a JSON body, whichever the client sends. Elk sends JSON, Mastodon.py and Tusky forms
 * (Elk's token requests in JSON broke GoToSocial logins: interop.md §2.1). Array parameters come as
 * {@code name[]=a&name[]=b} in forms and as arrays in JSON.
 */
public final class ClientParams {
    private static final long BODY_LIMIT = 64 * 1024;
    private final Map<String, List<String>> values;

    private ClientParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Reads form bodies (and keeps JSON ones) up to 64 KB: apps and tokens ask for little. */
    public static BodyHandler body() {
        return BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    }

    /**
     * For DELETE calls, which may come with a body or without: reads it where there is one (the request was kept
     * paused for it, see {@code OnVirtualThread.carriesBody}); a request that has ended already goes straight on.
     */
    public static io.vertx.core.Handler<RoutingContext> bodyIfAny() {
        BodyHandler reader = body();
        return ctx -> {
            if (ctx.request().isEnded()) ctx.next();
            else reader.handle(ctx);
        };
    }

    public static ClientParams of(RoutingContext ctx) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        // With a BodyHandler, request params hold the query and any form body's fields.
        ctx.request().params().forEach(e -> values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        String type = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") && ctx.body() != null && ctx.body().length() > 0) {
            readJson(ctx, values);
        }
        return new ClientParams(values);
    }

    private static void readJson(RoutingContext ctx, Map<String, List<String>> values) {
        JsonObject json;
        try {
            json = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw OAuthError.invalidRequest("The request body is not a JSON object.");
        }
        if (json == null) return;
        readObject(json, "", values);
    }

    /** A nested object's fields as Rails names them in a form: {@code poll: {expires_in: 300}} is {@code poll[expires_in]}. */
    private static void readObject(JsonObject json, String prefix, Map<String, List<String>> values) {
        for (String field : json.fieldNames()) {
            String key = prefix.isEmpty() ? field : prefix + "[" + field + "]";
            Object v = json.getValue(field);
            if (v instanceof JsonObject nested) {
                readObject(nested, key, values);
                continue;
            }
            List<String> list = new ArrayList<>();
            if (v instanceof JsonArray a) {
                a.forEach(item -> { if (item != null) list.add(String.valueOf(item)); });
            } else if (v != null) {
                list.add(String.valueOf(v));
            }
            values.put(key, list);
        }
    }

    /** The value of a single parameter; the last one where a client sent several (as Rails keeps it). */
    public String get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.getLast();
    }

    /** An array parameter whose items may hold spaces (poll options): {@code name[]} fields or a JSON array, unsplit. */
    public List<String> items(String name) {
        List<String> out = new ArrayList<>(values.getOrDefault(name + "[]", List.of()));
        out.addAll(values.getOrDefault(name, List.of()));
        return out;
    }

    /** An array parameter: {@code name[]} fields, a JSON array, or one string split at whitespace. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>(values.getOrDefault(name + "[]", List.of()));
        for (String v : values.getOrDefault(name, List.of())) {
            for (String part : v.strip().split("\\s+")) if (!part.isEmpty()) out.add(part);
        }
        return out;
    }
}
