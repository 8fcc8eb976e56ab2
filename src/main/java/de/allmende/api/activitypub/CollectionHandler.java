package de.allmende.api.activitypub;

import de.allmende.api.PathParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.DocumentCache;
import de.allmende.api.DocumentCache.Key;
import de.allmende.api.DocumentCache.Rendered;
import de.allmende.db.Changes;
import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.Contexts;
import de.allmende.route.Param;
import de.allmende.route.Route;
import de.allmende.service.ActorService;
import de.allmende.store.AccountStore;
import de.allmende.store.ActivityStore;
import de.allmende.store.FollowStore;
import de.allmende.store.ReactionStore;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Actor collections in Mastodon's shape: an OrderedCollection with totalItems and {@code first}; pages
 * ({@code ?page=true}, then {@code ?max_id=N}) of 20 items with {@code next}. Kept rendered in the
 * {@link DocumentCache}: follows, reactions and outbox activities of a local actor are announced under
 * its IRI.
 */
public final class CollectionHandler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int PAGE = 20;
    private static final Map<Param, String> FIRST_PAGE = Map.of(Param.PAGE, "true");

    private final Database db;
    private final Iris iris;
    private final ActorService actors;
    private final DocumentCache cache;
    private final AccountStore accounts = new AccountStore();
    private final FollowStore follows = new FollowStore();
    private final ActivityStore activities = new ActivityStore();
    private final ReactionStore reactions = new ReactionStore();
    private final de.allmende.store.PostMarkStore marks = new de.allmende.store.PostMarkStore();

    public CollectionHandler(Database db, Iris iris, ActorService actors, DocumentCache cache) {
        this.db = db;
        this.iris = iris;
        this.actors = actors;
        this.cache = cache;
    }

    private record Page(List<JsonNode> items, long lastCursor) {}

    public void followers(RoutingContext ctx) {
        serve(ctx, Route.FOLLOWERS, a -> follows.countFollowers(db.dsl(), account(a)), (a, before) -> {
            var rows = follows.followers(db.dsl(), account(a), before, PAGE);
            return new Page(rows.stream().map(f -> (JsonNode) F.textNode(f.follower().iri().toString())).toList(),
                    rows.isEmpty() ? 0 : rows.get(rows.size() - 1).id());
        });
    }

    public void following(RoutingContext ctx) {
        serve(ctx, Route.FOLLOWING, a -> follows.countFollowing(db.dsl(), account(a)), (a, before) -> {
            var rows = follows.following(db.dsl(), account(a), before, PAGE).stream()
                    .filter(f -> f.state() == FollowStore.State.ACCEPTED).toList();
            return new Page(rows.stream().map(f -> (JsonNode) F.textNode(f.followee().iri().toString())).toList(),
                    rows.isEmpty() ? 0 : rows.get(rows.size() - 1).id());
        });
    }

    public void outbox(RoutingContext ctx) {
        serve(ctx, Route.OUTBOX, a -> activities.countOutbox(db.dsl(), a.id()), (a, before) -> {
            var rows = activities.outbox(db.dsl(), a.id(), before, PAGE);
            return new Page(rows.stream().map(r -> {
                ObjectNode item = ((ObjectNode) r.raw()).deepCopy();
                item.remove("@context");
                return (JsonNode) item;
            }).toList(), rows.isEmpty() ? 0 : rows.get(rows.size() - 1).id());
        });
    }

    public void liked(RoutingContext ctx) {
        serve(ctx, Route.LIKED, a -> reactions.likedBy(db.dsl(), account(a)).size(),
                (a, before) -> new Page(reactions.likedBy(db.dsl(), account(a)).stream()
                        .map(s -> (JsonNode) F.textNode(s)).toList(), 0));
    }

    private long account(LocalActor a) {
        return accounts.local(db.dsl(), a.id(), iris.actor(a.handle())).id();
    }

    /** The posts the actor pinned (from its app), newest pin first: at most five, so all on the first page. */
    public void featured(RoutingContext ctx) {
        serve(ctx, Route.FEATURED, a -> marks.pinnedIris(db.dsl(), account(a)).size(), (a, before) -> new Page(before < Long.MAX_VALUE
                ? List.of() : marks.pinnedIris(db.dsl(), account(a)).stream().map(s -> (JsonNode) F.textNode(s)).toList(), 0));
    }

    /** A topic group's moderators (FEP-1b12): the coordinator it belongs to. */
    public void moderators(RoutingContext ctx) {
        String handle = PathParams.handle(ctx);
        String type = ObjectHandler.jsonType(ctx);
        cache.respond(ctx, new Key(Route.MODERATORS.name(), type, handle), () -> {
            LocalActor coordinator = actors.findMunicipality(handle).flatMap(actors::topicGroup)
                    .flatMap(g -> actors.findById(g.coordinatorId())).orElseThrow(() -> ApiException.notFound("no such group"));
            ObjectNode doc = F.objectNode();
            doc.put("@context", Contexts.ACTIVITYSTREAMS);
            doc.put("id", iris.moderators(handle).toString());
            doc.put("type", "OrderedCollection");
            doc.put("totalItems", 1);
            doc.putArray("orderedItems").add(iris.actor(coordinator.handle()).toString());
            return Rendered.json(200, type, doc, Set.of(Changes.ACTORS));
        });
    }

    /** The instance actor publishes nothing; its outbox exists because every actor has one. */
    public void instanceOutbox(RoutingContext ctx) {
        String type = ObjectHandler.jsonType(ctx);
        cache.respond(ctx, new Key(Route.INSTANCE_OUTBOX.name(), type, ""), () -> {
            ObjectNode doc = F.objectNode();
            doc.put("@context", Contexts.ACTIVITYSTREAMS);
            doc.put("id", iris.instanceOutbox().toString());
            doc.put("type", "OrderedCollection");
            doc.put("totalItems", 0);
            doc.putArray("orderedItems");
            return Rendered.json(200, type, doc, Set.of());
        });
    }

    private void serve(RoutingContext ctx, Route route, Function<LocalActor, Integer> total,
                       java.util.function.BiFunction<LocalActor, Long, Page> page) {
        String handle = PathParams.handle(ctx);
        String maxId = ctx.request().getParam(Param.MAX_ID.name());
        boolean wantsPage = Param.PAGE.accepts(ctx.request().getParam(Param.PAGE.name())) || maxId != null;
        if (maxId != null && !Param.MAX_ID.accepts(maxId)) throw ApiException.badRequest("max_id must be a number");
        long before;
        try {
            before = maxId == null ? Long.MAX_VALUE : Long.parseLong(maxId);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("max_id must be a number");
        }
        // The page asked for, as the table writes it: first (?page=true) or after a cursor (?max_id=N).
        Map<Param, String> pageQuery = !wantsPage ? Map.of() : maxId == null ? FIRST_PAGE : Map.of(Param.MAX_ID, maxId);
        String type = ObjectHandler.jsonType(ctx);
        cache.respond(ctx, new Key(route.name(), type, route.path(pageQuery, handle)), () -> {
            LocalActor a = actors.findMunicipality(handle).orElseThrow(() -> ApiException.notFound("no such actor"));
            String id = iris.of(route, a.handle()).toString();
            ObjectNode doc = F.objectNode();
            doc.put("@context", Contexts.ACTIVITYSTREAMS);
            if (!wantsPage) {
                doc.put("id", id);
                doc.put("type", "OrderedCollection");
                doc.put("totalItems", total.apply(a));
                doc.put("first", iris.of(route, FIRST_PAGE, a.handle()).toString());
            } else {
                Page p = page.apply(a, before);
                doc.put("id", iris.of(route, pageQuery, a.handle()).toString());
                doc.put("type", "OrderedCollectionPage");
                doc.put("partOf", id);
                doc.put("totalItems", total.apply(a));
                ArrayNode items = doc.putArray("orderedItems");
                p.items().forEach(items::add);
                if (p.items().size() == PAGE && p.lastCursor() > 0) {
                    doc.put("next", iris.of(route, Map.of(Param.MAX_ID, Long.toString(p.lastCursor())), a.handle()).toString());
                }
            }
            return Rendered.json(200, type, doc, Set.of(iris.actor(a.handle()).toString(), Changes.ACTORS));
        });
    }
}
