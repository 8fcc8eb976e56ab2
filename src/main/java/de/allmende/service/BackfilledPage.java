package de.allmende.service;

import de.allmende.domain.RawJson;
import de.allmende.domain.coordinator.Provenance.Via;
import de.allmende.domain.event.Mentioned;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.post.Post;
import de.allmende.service.RemotePosts.ReceivedObject;
import de.allmende.store.ActivityStore;
import de.allmende.store.EventStore;
import de.allmende.store.EventStore.Recording;
import de.allmende.store.ObjectStore;
import de.allmende.store.PollStore;
import de.allmende.store.PostStore;
import de.allmende.store.ProvenanceStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a page of a coordinator's backfill keeps, in the transaction that moves its cursor: the same rows as
 * {@link RemotePosts} writes for each delivered Create (activity, object, typed post, event, provenance), but each kind
 * of row for the whole page in one statement — a dozen statements a page instead of a dozen an item. The result is the
 * one of keeping the items one after the other, in the page's order: of two versions of one object (an Update listed
 * before its Create, newest first), the first is kept; a Delete is kept after the items before it and before those
 * after it.
 *
 * <p>An item published longer than {@link #REAL_TIME_WINDOW} ago is history, not news: its event makes jobs only for
 * the consumers that want history ({@link de.allmende.domain.event.Consumer#wantsHistory}), and its mentions notify no
 * one — as Mastodon distributes a fetched status to feeds, streams and notifications only within its real-time window.
 */
public final class BackfilledPage {
    /** Mastodon's {@code Status::REAL_TIME_WINDOW}: how old a fetched post may be and still be news. */
    public static final Duration REAL_TIME_WINDOW = Duration.ofHours(6);

    /** An item of an outbox page to keep. */
    public sealed interface Item permits Version, Deletion {}

    /** A Create or Update of an object by its author: the object kept if not held yet. */
    public record Version(ReceivedActivity activity, ReceivedObject object) implements Item {}

    /** A Delete by the author: see {@link RemotePosts#backfilledDeletion}. */
    public record Deletion(ReceivedActivity delete, RawJson tombstone) implements Item {}

    private final RemotePosts posts;
    private final Predicate<URI> isLocalAccount;
    /** This node's base IRI as text: a post that names it may be addressed to one of its actors. */
    private final String here;
    private final Clock clock;
    private final ActivityStore activities = new ActivityStore();
    private final ObjectStore objects = new ObjectStore();
    private final PostStore postRows = new PostStore();
    private final PollStore polls = new PollStore();
    private final EventStore events = new EventStore();
    private final ProvenanceStore provenance = new ProvenanceStore();

    BackfilledPage(RemotePosts posts, Predicate<URI> isLocalAccount, URI base, Clock clock) {
        this.posts = posts;
        this.isLocalAccount = isLocalAccount;
        this.here = base.toString().replaceAll("/+$", "");
        this.clock = clock;
    }

    /** Keeps a page's items in {@code tx}, in their order. */
    public void keep(DSLContext tx, List<Item> items) {
        List<Version> run = new ArrayList<>();
        for (Item item : items) {
            switch (item) {
                case Version v -> run.add(v);
                case Deletion d -> {
                    keepVersions(tx, run);
                    run.clear();
                    posts.backfilledDeletion(tx, d.delete(), d.tombstone());
                }
            }
        }
        keepVersions(tx, run);
    }

    private void keepVersions(DSLContext tx, List<Version> versions) {
        if (versions.isEmpty()) return;
        activities.insertAll(tx, versions.stream().map(v -> v.activity()).map(a -> new ActivityStore.Received(a.id().toString(),
                a.type(), a.actor().toString(), a.object().toString(), a.isPublic(), a.json())).toList());
        Map<URI, Optional<Long>> accounts = new HashMap<>();
        List<Version> kept = new ArrayList<>();
        for (Version v : versions) {
            // A post whose author is gone (deleted while the page was read) is not kept, as RemotePosts#created does.
            if (v.object().post().isPresent() && accounts.computeIfAbsent(v.activity().actor(), a -> postRows.accountOfRemote(tx, a)).isEmpty()) continue;
            kept.add(v);
        }
        Map<String, Long> fresh = objects.insertNewRemotes(tx, kept.stream().map(v -> new ObjectStore.Remote(v.object().id().toString(),
                v.object().type(), v.activity().actor().toString(), v.object().inReplyTo().map(URI::toString).orElse(null),
                v.object().json(), v.object().proof())).toList());
        List<Version> newPosts = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Version v : kept) {
            String iri = v.object().id().toString();
            if (fresh.containsKey(iri) && taken.add(iri) && v.object().post().isPresent()) newPosts.add(v);
        }
        Map<URI, Long> postIds = postRows.saveAll(tx, newPosts.stream().map(v -> new PostStore.Saving(v.object().post().get(),
                accounts.get(v.activity().actor()).orElseThrow(), Optional.of(fresh.get(v.object().id().toString())))).toList());
        List<Recording> recordings = new ArrayList<>();
        for (Version v : newPosts) {
            Post post = v.object().post().get();
            if (v.object().poll().isPresent()) polls.save(tx, postIds.get(post.iri()), v.object().poll().get());
            PostCreated created = new PostCreated(v.activity().actor(), post.iri(), v.object().type());
            if (post.published().isBefore(clock.instant().minus(REAL_TIME_WINDOW))) {
                // Addressed here if it names this node at all: too wide rather than too narrow (the topic groups decide).
                recordings.add(Recording.ofHistory(created, v.object().json().text().contains(here)));
                continue;
            }
            recordings.add(Recording.of(created));
            for (URI mentioned : post.mentions()) {
                if (isLocalAccount.test(mentioned)) recordings.add(Recording.of(new Mentioned(v.activity().actor(), post.iri(), mentioned)));
            }
        }
        events.recordAll(tx, recordings);
        provenance.recordAll(tx, versions.stream().map(v -> new ProvenanceStore.Fetched(v.object().id(), v.activity().actor(),
                v.object().proof())).toList(), Via.BACKFILL);
    }
}
