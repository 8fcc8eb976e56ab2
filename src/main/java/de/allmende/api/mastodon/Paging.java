package de.allmende.api.mastodon;

import de.allmende.domain.client.PageRequest;
import de.allmende.domain.client.TimelineFilter;
import de.allmende.federation.iri.Iris;
import de.allmende.service.client.Page;
import de.allmende.support.ApiException;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mastodon's paging (docs.joinmastodon.org/api/guidelines/#pagination): {@code max_id}, {@code since_id},
 * {@code min_id} and {@code limit} in, a {@code Link} header with {@code rel="next"} (older, {@code max_id}) and
 * {@code rel="prev"} (newer, {@code min_id}) out, on the public URL with the request's other parameters kept.
 */
final class Paging {
    private static final Set<String> CURSORS = Set.of("max_id", "since_id", "min_id");
    private final Iris iris;

    Paging(Iris iris) {
        this.iris = iris;
    }

    static PageRequest request(RoutingContext ctx) {
        return request(ctx, PageRequest.DEFAULT_LIMIT);
    }

    /** A page request for a list whose default size is not Mastodon's usual 20 (notifications: 40). */
    static PageRequest request(RoutingContext ctx, int defaultLimit) {
        MultiMap q = ctx.queryParams();
        return new PageRequest(id(q, "max_id"), id(q, "since_id"), id(q, "min_id"), limit(q.get("limit"), defaultLimit));
    }

    /** The flags of status lists: {@code exclude_replies}, {@code exclude_reblogs}, {@code only_media}, {@code local}, {@code remote}. */
    static TimelineFilter filter(RoutingContext ctx) {
        MultiMap q = ctx.queryParams();
        return new TimelineFilter(flag(q, "exclude_replies"), flag(q, "exclude_reblogs"), flag(q, "only_media"), flag(q, "local"), flag(q, "remote"));
    }

    static boolean flag(MultiMap q, String name) {
        String v = q.get(name);
        return v != null && (v.equals("true") || v.equals("1") || v.equals("on"));
    }

    /** Sets the Link header for a page (none for an empty one, as Mastodon). */
    void link(RoutingContext ctx, Page<?> page) {
        if (page.oldest().isEmpty() || page.newest().isEmpty()) return;
        List<String> kept = new ArrayList<>();
        ctx.queryParams().forEach((k, v) -> {
            if (!CURSORS.contains(k)) kept.add(enc(k) + "=" + enc(v));
        });
        String base = iris.base().toString().replaceAll("/$", "") + ctx.request().path() + "?";
        String rest = kept.isEmpty() ? "" : "&" + String.join("&", kept);
        ctx.response().putHeader("Link", "<" + base + "max_id=" + page.oldest().get() + rest + ">; rel=\"next\", <"
                + base + "min_id=" + page.newest().get() + rest + ">; rel=\"prev\"");
    }

    private static Optional<Long> id(MultiMap q, String name) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) return Optional.empty();
        if (!v.matches("[0-9]{1,19}")) throw ApiException.badRequest(name + " is not an id");
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " is not an id");
        }
    }

    private static int limit(String v, int defaultLimit) {
        if (v == null || !v.matches("[0-9]{1,9}")) return defaultLimit;
        return Math.max(1, Integer.parseInt(v));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
