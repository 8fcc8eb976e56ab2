package de.allmende.service;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.db.Database;
import de.allmende.domain.event.DomainEvent;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.domain.coordinator.TopicGroup;
import de.allmende.service.port.LocalIris;
import de.allmende.store.ActorStore;
import de.allmende.store.PostStore;
import de.allmende.store.TopicGroupStore;
import de.allmende.store.TopicGroupStore.Item;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The topic-group consumer of domain events (issue 11, FEP-1b12): after a post is created or edited, here or on the
 * node that sent it, each topic group it belongs to boosts it — an {@code Announce} of the object to the group's
 * followers, as Mastodon boosts (Mastodon shows it as a boost; Lemmy sends this form to Mastodon and Pleroma too).
 * A group boosts
 * <ul>
 *   <li>the public, top-level items of its field of action (declared {@code fieldOfAction}, or the field's hashtag) by
 *       municipalities of this node or followed from it (a coordinator's subscriptions are follows; what a stranger
 *       delivers unasked is not boosted for its hashtag), that are news: not history read by a coordinator's backfill,
 *       nor published more than {@link #NEWS} ago;</li>
 *   <li>any public post addressed to it ({@code to}, {@code cc} or {@code audience} names the group) by a municipality
 *       it knows: one that follows the group, one its coordinator subscribes to or follows, or one of this node.</li>
 * </ul>
 * Each group boosts an item once: a boost is a reaction, one per actor and object, so a job run again or an edit sends
 * nothing new. When the item is deleted, the group takes its boost back (Undo), so that its followers' servers, which
 * the author's Delete may not reach, drop it too. All of it goes out through the durable delivery queue, off every
 * request path.
 */
public final class TopicGroupBoosts {
    /** How old an item may be when it arrives and still be news to the group's followers. */
    static final Duration NEWS = Duration.ofDays(7);

    private final Database db;
    private final LocalIris iris;
    private final BoostService boosts;
    private final Clock clock;
    private final PostStore posts = new PostStore();
    private final ActorStore actors = new ActorStore();
    private final TopicGroupStore groups = new TopicGroupStore();

    public TopicGroupBoosts(Database db, LocalIris iris, BoostService boosts, Clock clock) {
        this.db = db;
        this.iris = iris;
        this.boosts = boosts;
        this.clock = clock;
    }

    /** The worker's handler. */
    public void apply(DomainEvent event) {
        switch (event) {
            case PostCreated c -> boost(c.subject());
            case PostEdited e -> boost(e.subject());
            case PostDeleted d -> groups.boosted(db.dsl(), d.subject()).forEach(g -> boosts.undoOfDeleted(g.actor(), d.subject()));
            default -> { }
        }
    }

    private void boost(URI post) {
        DSLContext dsl = db.dsl();
        Optional<Item> item = posts.idOf(dsl, post).flatMap(id -> groups.item(dsl, id));
        if (item.isEmpty() || !item.get().publicAndLive()) return;
        for (TopicGroup group : boosting(dsl, item.get())) boosts.boost(group.actor(), item.get().iri());
    }

    private Set<TopicGroup> boosting(DSLContext dsl, Item item) {
        Set<TopicGroup> out = new LinkedHashSet<>();
        List<String> addressed = item.addressed().stream().flatMap(iri -> parse(iri).flatMap(iris::parseActor).stream()).toList();
        for (TopicGroup group : groups.withHandles(dsl, addressed)) {
            if (knows(dsl, group, item.author())) out.add(group);
        }
        boolean news = item.authorKnown() && !item.reply() && !item.backfilled() && item.published().isAfter(clock.instant().minus(NEWS));
        if (news) {
            List<String> fields = Handlungsfeld.of(item.declaredFields(), item.hashtags()).stream().map(Handlungsfeld::code).toList();
            out.addAll(groups.ofFields(dsl, fields));
        }
        return out;
    }

    /** Whether the group takes posts addressed to it from this author (see the class comment). */
    private boolean knows(DSLContext dsl, TopicGroup group, URI author) {
        if (iris.isLocal(author)) return iris.parseActor(author).flatMap(h -> actors.findMunicipality(dsl, h)).isPresent();
        URI coordinator = actors.findById(dsl, group.coordinatorId()).map(c -> iris.actor(c.handle())).orElseThrow();
        return groups.knows(dsl, iris.actor(group.actor().handle()), group.coordinatorId(), coordinator, author);
    }

    private static Optional<URI> parse(String iri) {
        try {
            return Optional.of(new URI(iri));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty(); // whatever a peer wrote into to/cc: not an address of ours
        }
    }
}
