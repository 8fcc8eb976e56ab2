package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.event.DomainEvent;
import de.allmende.domain.event.NotificationCreated;
import de.allmende.domain.event.PollEvent;
import de.allmende.domain.notification.NotificationType;
import de.allmende.domain.post.PollFacts;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.ActorStore;
import de.allmende.store.EventStore;
import de.allmende.store.NotificationStore;
import de.allmende.store.PollStore;
import de.allmende.store.PostStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Polls of this node's municipalities (issue 10, polls both ways): this node counts their votes — once per account and
 * option, from remote accounts (a Create(Note) naming the option) and from the node's own — and tells the counts in
 * Update(Question) to the followers and the voters. Votes are gathered for {@link #GATHER} and told once (Mastodon
 * waits three minutes; a municipal poll gets few votes, and people want to see theirs counted); the end is told with
 * {@code closed}, and the author and local voters get a {@code poll} notification. Both run as durable, delayed jobs.
 */
public final class LocalPolls {
    static final Duration GATHER = Duration.ofSeconds(2);

    private final Database db;
    private final LocalIris iris;
    private final Publisher publisher;
    private final Clock clock;
    private final PollStore polls = new PollStore();
    private final PostStore posts = new PostStore();
    private final ActorStore actors = new ActorStore();
    private final EventStore events = new EventStore();
    private final NotificationStore notifications = new NotificationStore();

    public LocalPolls(Database db, LocalIris iris, Publisher publisher, Clock clock) {
        this.db = db;
        this.iris = iris;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Inside the publishing transaction: the poll of a new local post, and its end scheduled. */
    public void opened(DSLContext tx, long postId, URI author, URI question, PollFacts poll) {
        polls.save(tx, postId, poll);
        events.recordDue(tx, new PollEvent.PollEnded(author, question), poll.endTime().orElseThrow());
    }

    /**
     * A received Note that may be a vote: {@code name} an option of a running poll of this node that {@code question}
     * names. Counted once per account and option (one option only where the poll takes one). Returns whether it was a
     * vote on a local poll — such a Note is no post, whatever became of it.
     */
    public boolean received(URI voter, URI note, URI question, String option) {
        if (!iris.isLocal(question)) return false;
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<Long> postId = posts.idOf(tx, question);
            Optional<PollFacts> poll = postId.flatMap(id -> polls.lock(tx, id));
            if (poll.isEmpty()) return false;
            int choice = poll.get().options().stream().map(PollFacts.Option::title).toList().indexOf(option);
            if (choice < 0) return false;
            Optional<Long> account = posts.accountOfRemote(tx, voter);
            if (account.isEmpty() || poll.get().expired(clock.instant())) return true; // too late or unknown: not counted
            List<Integer> before = polls.choices(tx, postId.get(), account.get());
            if (!poll.get().multiple() && !before.isEmpty()) return true;
            if (polls.count(tx, postId.get(), account.get(), choice, note.toString())) counted(tx, postId.get(), question);
            return true;
        });
    }

    /** Inside the caller's transaction: a local account's valid choices in a local poll (it has not voted yet). */
    public void cast(DSLContext tx, long postId, URI question, long accountId, List<Integer> choices) {
        for (int choice : choices) polls.count(tx, postId, accountId, choice, iris.newObject().toString());
        counted(tx, postId, question);
    }

    private void counted(DSLContext tx, long postId, URI question) {
        polls.recount(tx, postId);
        URI author = posts.find(tx, postId).orElseThrow().post().author();
        events.recordDue(tx, new PollEvent.PollVoted(author, question), clock.instant().plus(GATHER));
    }

    /** The consumer of {@link PollEvent}s: tells the counts if they changed since last told; closes an ended poll. */
    public void apply(long eventId, DomainEvent event) {
        if (!(event instanceof PollEvent e)) return;
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<Long> postId = posts.idOf(tx, e.subject());
            Optional<PollFacts> locked = postId.flatMap(id -> polls.lock(tx, id));
            Optional<LocalActor> author = iris.parseActor(e.actor()).flatMap(h -> actors.findMunicipality(tx, h));
            if (locked.isEmpty() || author.isEmpty() || posts.find(tx, postId.get()).orElseThrow().deleted().isPresent()) return;
            PollFacts poll = locked.get();
            int votes = poll.options().stream().mapToInt(PollFacts.Option::votes).sum();
            boolean ends = e instanceof PollEvent.PollEnded && poll.closed().isEmpty();
            if (!ends && (poll.closed().isPresent() || votes <= polls.announced(tx, postId.get()))) return;
            if (ends) {
                poll = new PollFacts(poll.multiple(), poll.options(), poll.endTime(), poll.endTime(), poll.votersCount());
                polls.save(tx, postId.get(), poll);
                notifyEnd(tx, eventId, postId.get(), author.get(), e);
            }
            polls.announce(tx, postId.get(), votes);
            publisher.updateQuestion(tx, author.get(), e.subject(), poll, polls.remoteVoterInboxes(tx, postId.get()));
        });
    }

    /** Mastodon's {@code poll} notification: to the author and to the local accounts that voted, from the author. */
    private void notifyEnd(DSLContext tx, long eventId, long postId, LocalActor author, PollEvent e) {
        long authorAccount = posts.accountOfLocal(tx, author.id());
        List<Long> told = new ArrayList<>(List.of(authorAccount));
        polls.localVoters(tx, postId).stream().filter(a -> a != authorAccount).forEach(told::add);
        for (long account : told) {
            notifications.insert(tx, new NotificationStore.New(eventId, account, NotificationType.POLL, authorAccount, Optional.of(postId)))
                    .ifPresent(id -> events.record(tx, new NotificationCreated(e.actor(), e.actor(), id, account, NotificationType.POLL.wire())));
        }
    }
}
