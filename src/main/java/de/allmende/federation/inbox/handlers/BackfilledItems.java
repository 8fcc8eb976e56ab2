package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.db.Database;
import de.allmende.domain.RawJson;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.ActivityJson;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.federation.vocab.CreateActivity;
import de.allmende.federation.vocab.DeleteActivity;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.federation.vocab.UpdateActivity;
import de.allmende.service.ActorService;
import de.allmende.service.BackfilledPage;
import org.jooq.DSLContext;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The items of a municipality's outbox as a coordinator's backfill reads them, kept through the same conversion as
 * received posts ({@link ReceivedPosts}), so backfilled and delivered items are one model. An outbox lists the newest
 * first: the newest version of an object comes first (an Update's), and its Create later finds it held; a Delete
 * leaves a tombstone, so the older Create does not bring the object back.
 *
 * <p>The page came from the municipality's own host, signed-fetched; only items by that actor about objects on that
 * host are kept (an outbox may list boosts of others' posts: those are left to their authors).
 */
public final class BackfilledItems {
    private final ReceivedPosts posts;
    private final CarriedObjects carried;

    private final ActorResolver resolver;

    private BackfilledItems(ReceivedPosts posts, CarriedObjects carried, ActorResolver resolver) {
        this.posts = posts;
        this.carried = carried;
        this.resolver = resolver;
    }

    public static BackfilledItems create(Database db, Iris iris, ActorService actors, ActorResolver resolver, RemoteFetcher fetcher) {
        return new BackfilledItems(InboxHandlers.receivedPosts(db, iris, actors, resolver),
                new CarriedObjects(fetcher, new ObjectProofChecker(resolver)), resolver);
    }

    /** Keeps a page's items, read by {@link #readPage}, in the transaction {@code tx} that moves the backfill's cursor past the page. */
    public void keep(DSLContext tx, List<BackfilledPage.Item> page) {
        posts.use().backfilled(tx, page);
    }

    /**
     * Reads a page's outbox items, in their order — each converted, its proof checked, what it needs fetched — and
     * returns those to keep (only posts created, updated or deleted by the actor are). Nothing is written yet; the
     * municipality's actor document is looked up once for the page, not for each item.
     *
     * @param pageContext the page's {@code @context}, in which items without their own are read (as they are served)
     * @throws IOException if something it needs could not be fetched now (the page is retried)
     */
    public List<BackfilledPage.Item> readPage(Iterable<JsonNode> page, URI municipality, Optional<JsonNode> pageContext) throws IOException {
        OneSender sender = new OneSender(municipality);
        List<BackfilledPage.Item> out = new java.util.ArrayList<>();
        for (JsonNode item : page) read(item, municipality, pageContext, sender).ifPresent(out::add);
        return out;
    }

    /** The municipality's actor document, resolved when first needed and then kept (for one page). */
    private final class OneSender implements ReceivedPosts.Sender {
        private final URI municipality;
        private de.allmende.domain.RemoteActor resolved;

        OneSender(URI municipality) {
            this.municipality = municipality;
        }

        @Override
        public de.allmende.domain.RemoteActor get() throws IOException {
            if (resolved == null) resolved = resolver.resolve(municipality);
            return resolved;
        }
    }

    private Optional<BackfilledPage.Item> read(JsonNode item, URI municipality, Optional<JsonNode> pageContext, OneSender sender)
            throws IOException {
        if (!(item instanceof ObjectNode o)) return Optional.empty(); // a bare IRI: an outbox of Allmende, Mastodon or GoToSocial embeds
        ObjectNode withContext = o;
        if (!o.has("@context") && pageContext.isPresent()) {
            withContext = o.deepCopy();
            withContext.set("@context", pageContext.get());
        }
        InboundActivity activity;
        try {
            activity = AsToInboundActivity.convert(withContext);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!activity.actor().equals(municipality)) return Optional.empty();
        var view = AsToInboundActivity.view(activity);
        if (view.isEmpty()) return Optional.empty();
        return switch (view.get()) {
            case CreateActivity c -> version(activity, carried.embeddedOrFetched(c.created()), municipality, sender);
            case UpdateActivity u -> version(activity, carried.embeddedOrFetched(u.updated()), municipality, sender);
            case DeleteActivity d when !d.deleted().equals(municipality) && onHost(d.deleted(), municipality) -> {
                RawJson tombstone = new RawJson(ActivityJson.tombstone(d.deleted(), Instant.now()).toString());
                var delete = ReceivedActivities.neverPublic(activity, d.deleted());
                yield Optional.of(new BackfilledPage.Deletion(delete, tombstone));
            }
            default -> Optional.empty();
        };
    }

    private Optional<BackfilledPage.Item> version(InboundActivity activity, AsObject object, URI municipality, OneSender sender)
            throws IOException {
        URI id = object.id().orElseThrow();
        if (!onHost(id, municipality) || !object.attributedTo().orElse(municipality).equals(municipality)) return Optional.empty();
        if (AsToRemoteActor.ACTOR_TYPES.contains(object.type().orElse(""))) return Optional.empty(); // a profile update
        var converted = posts.convert(object, municipality, carried.proofOf(object, activity), sender);
        var create = ReceivedActivities.of(activity, id);
        return Optional.of(new BackfilledPage.Version(create, converted));
    }

    private static boolean onHost(URI object, URI actor) {
        return object.getRawAuthority() != null && object.getRawAuthority().equalsIgnoreCase(actor.getRawAuthority());
    }
}
