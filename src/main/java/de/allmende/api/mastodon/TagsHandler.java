package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.PathParams;
import de.allmende.api.Responses;
import de.allmende.domain.client.TagQuery;
import de.allmende.domain.client.TimelineFilter;
import de.allmende.domain.client.Viewer;
import de.allmende.route.Param;
import de.allmende.service.client.Page;
import de.allmende.service.client.StatusReads;
import de.allmende.service.client.Tags;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Hashtags (docs.joinmastodon.org/methods/tags, methods/followed_tags, methods/timelines/#tag): a Tag (its week of
 * use only in search results; elsewhere {@code history} is empty, which Mastodon allows), following it, the followed
 * tags, and the hashtag timeline over the public posts this node holds, local and received.
 */
final class TagsHandler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Mastodon takes at most four extra tags in each of any[], all[] and none[]. */
    private static final int MAX_EXTRA_TAGS = 4;
    private final Tags tags;
    private final StatusReads statuses;
    private final StatusJson statusJson;
    private final FilteredPages filtered;
    private final Paging paging;
    private final Viewers viewers;

    TagsHandler(Tags tags, StatusReads statuses, StatusJson statusJson, FilteredPages filtered, Paging paging, Viewers viewers) {
        this.tags = tags;
        this.statuses = statuses;
        this.statusJson = statusJson;
        this.filtered = filtered;
        this.paging = paging;
        this.viewers = viewers;
    }

    void get(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, json(tags.get(viewers.optional(ctx), name(ctx))));
    }

    void follow(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, json(tags.follow(viewers.of(ctx), name(ctx))));
    }

    void unfollow(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, json(tags.unfollow(viewers.of(ctx), name(ctx))));
    }

    void followed(RoutingContext ctx) {
        Page<Tags.Followed> page = tags.followed(viewers.of(ctx), Paging.request(ctx));
        paging.link(ctx, page);
        ArrayNode out = F.arrayNode();
        page.items().forEach(t -> out.add(json(new Tags.Tag(t.name(), Optional.of(true)))));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    /** Public posts with the tag or any of {@code any[]}, all of {@code all[]}, none of {@code none[]}. */
    void timeline(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        List<String> any = new ArrayList<>(List.of(Tags.normalized(name(ctx))));
        any.addAll(extra(ctx, "any"));
        TimelineFilter f = Paging.filter(ctx);
        // As on the public timeline: local wins when both are asked for.
        TimelineFilter where = new TimelineFilter(false, true, f.onlyMedia(), f.localOnly(), f.remoteOnly() && !f.localOnly());
        TagQuery q = new TagQuery(any, extra(ctx, "all"), extra(ctx, "none"), where);
        filtered.answer(ctx, v, FilteredPages.Context.PUBLIC, statuses.tagTimeline(v, q, Paging.request(ctx)));
    }

    /** Valid tag names of a query array; others name no tag and are left out. */
    private static List<String> extra(RoutingContext ctx, String name) {
        return Stream.concat(ctx.queryParams().getAll(name + "[]").stream(), ctx.queryParams().getAll(name).stream())
                .flatMap(raw -> {
                    try {
                        return Stream.of(Tags.normalized(raw.strip()));
                    } catch (ApiException e) {
                        return Stream.empty();
                    }
                }).distinct().limit(MAX_EXTRA_TAGS).toList();
    }

    private static String name(RoutingContext ctx) {
        return PathParams.value(ctx, Param.TAG_NAME, "Record not found");
    }

    private ObjectNode json(Tags.Tag t) {
        return json(t, statusJson);
    }

    /** Mastodon's Tag entity; its history's numbers are strings, days as Unix time of their midnight, as Mastodon sends them. */
    static ObjectNode json(Tags.Tag t, StatusJson statusJson) {
        ObjectNode o = F.objectNode();
        // Tags have no rows of their own here: the name (lower-case) is the id, as opaque as Mastodon's.
        o.put("id", t.name());
        o.put("name", t.name());
        o.put("url", statusJson.tagUrl(t.name()));
        ArrayNode history = o.putArray("history");
        t.history().forEach(d -> history.addObject().put("day", Long.toString(d.day().getEpochSecond()))
                .put("uses", Integer.toString(d.uses())).put("accounts", Integer.toString(d.accounts())));
        t.following().ifPresentOrElse(f -> o.put("following", f), () -> o.putNull("following"));
        o.put("featuring", false);
        return o;
    }
}
