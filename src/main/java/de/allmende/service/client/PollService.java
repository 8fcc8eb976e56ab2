package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.PollFacts;
import de.allmende.domain.post.Post;
import de.allmende.service.LocalPolls;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.PollStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

/**
 * Polls as apps read and answer them (docs.joinmastodon.org/methods/polls). A poll is visible to whom its post is
 * (404 otherwise, as for a missing one). A vote goes to the poll's author as Mastodon sends it: one Create(Note) per
 * chosen option, {@code name} the option and {@code inReplyTo} the Question; the author's server counts it and tells
 * everyone the new counts in Update(Question). Each account votes once. A poll of this node is counted here
 * ({@link LocalPolls}).
 */
public final class PollService {
    /** A poll as one viewer sees it: the author's counts and the viewer's own choices (empty: not voted). */
    public record PollView(long id, PollFacts facts, List<Integer> ownChoices, boolean expired) {}

    private final Database db;
    private final StatusReads statuses;
    private final ActorDirectory directory;
    private final Publisher publisher;
    private final LocalIris iris;
    private final Clock clock;
    private final PollStore polls = new PollStore();
    private final LocalPolls local;

    public PollService(Database db, StatusReads statuses, ActorDirectory directory, Publisher publisher, LocalIris iris, Clock clock) {
        this.db = db;
        this.statuses = statuses;
        this.directory = directory;
        this.publisher = publisher;
        this.iris = iris;
        this.clock = clock;
        this.local = new LocalPolls(db, iris, publisher, clock);
    }

    public PollView poll(Viewer v, long id) {
        statuses.status(v, id); // 404 unless the viewer may see the post
        return view(db.dsl(), v, id);
    }

    /**
     * Casts {@code voter}'s choices (indexes into the options). 422 when the poll has ended, the account voted
     * already, or the choices are none, out of range, or several where one is allowed.
     */
    public PollView vote(LocalActor voter, Viewer v, long id, List<Integer> choices) {
        Post question = statuses.status(v, id).post();
        if (polls.find(db.dsl(), id).isEmpty()) throw notFound();
        if (question.origin() instanceof Origin.Local) return voteHere(v, id, question.iri(), choices);
        RemoteActor author = directory.authorOf(question.iri()); // may fetch: before the transaction
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            PollFacts poll = open(tx, v, id);
            for (int choice : valid(poll, choices)) {
                URI note = iris.newObject();
                polls.vote(tx, id, v.accountId(), choice, note.toString());
                publisher.vote(tx, voter, note, question.iri(), poll.options().get(choice).title(), author);
            }
            return view(tx, v, id);
        });
    }

    /** A vote in a poll of this node (another municipality's, or the author's own): counted here, nothing to send. */
    private PollView voteHere(Viewer v, long id, URI question, List<Integer> choices) {
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            PollFacts poll = open(tx, v, id);
            local.cast(tx, id, question, v.accountId(), List.copyOf(valid(poll, choices)));
            return view(tx, v, id);
        });
    }

    /** The poll, locked, if the viewer may still vote in it: 422 once it has ended or the viewer has voted. */
    private PollFacts open(DSLContext tx, Viewer v, long id) {
        PollFacts poll = polls.lock(tx, id).orElseThrow(PollService::notFound);
        if (poll.expired(clock.instant())) throw ApiException.unprocessable("Validation failed: The poll has already ended");
        if (!polls.choices(tx, id, v.accountId()).isEmpty()) {
            throw ApiException.unprocessable("Validation failed: You have already voted on this poll");
        }
        return poll;
    }

    private static TreeSet<Integer> valid(PollFacts poll, List<Integer> choices) {
        TreeSet<Integer> distinct = new TreeSet<>(choices);
        if (distinct.isEmpty()) throw ApiException.unprocessable("Validation failed: choose at least one option");
        if (distinct.first() < 0 || distinct.last() >= poll.options().size()) {
            throw ApiException.unprocessable("Validation failed: choices are the options' indexes, 0 to " + (poll.options().size() - 1));
        }
        if (!poll.multiple() && distinct.size() > 1) throw ApiException.unprocessable("Validation failed: this poll takes one choice");
        return distinct;
    }

    private PollView view(DSLContext tx, Viewer v, long id) {
        PollFacts facts = polls.find(tx, id).orElseThrow(PollService::notFound);
        return new PollView(id, facts, polls.choices(tx, id, v.accountId()), facts.expired(clock.instant()));
    }

    private static ApiException notFound() {
        return ApiException.notFound("Record not found");
    }
}
