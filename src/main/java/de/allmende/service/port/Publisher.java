package de.allmende.service.port;

import de.allmende.content.Content;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.MediaAttachment;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.List;

/**
 * Tells the network what a use case changed. Federation implements it: it converts to ActivityStreams,
 * signs, stores the activity and queues its delivery, all in the caller's transaction, so a change is
 * either published or not made at all. The service has written its own state already.
 */
public interface Publisher {
    /** A new Note, addressed and delivered as its audience says (followers, the people it names, the public). */
    void createNote(DSLContext tx, LocalActor author, Post note);

    /** A new Note with a poll: Create(Question), addressed and delivered as {@link #createNote} does. */
    void createQuestion(DSLContext tx, LocalActor author, Post note, de.allmende.domain.post.PollFacts poll);

    /**
     * New counts (or the end) of one of the author's polls: Update(Question) to the post's audience and to
     * {@code voterInboxes}, who voted from elsewhere and follow perhaps not.
     */
    void updateQuestion(DSLContext tx, LocalActor author, URI question, de.allmende.domain.post.PollFacts poll,
                        java.util.Collection<String> voterInboxes);

    /** A new version of one of the author's Notes (same IRI and audience, {@code updated} set). */
    void updateNote(DSLContext tx, LocalActor author, Post note);

    /**
     * A vote in a remote poll, as Mastodon sends one: a Note with {@code id}, the chosen option as {@code name},
     * answering {@code question}, to its author only.
     */
    void vote(DSLContext tx, LocalActor voter, URI id, URI question, String option, RemoteActor author);


    void createContent(DSLContext tx, LocalActor author, Content content);

    void updateContent(DSLContext tx, LocalActor author, Content content);

    /** One of the author's objects is gone (a Tombstone stays). */
    void delete(DSLContext tx, LocalActor author, URI object);

    void follow(DSLContext tx, LocalActor follower, URI followId, RemoteActor followee);

    void undoFollow(DSLContext tx, LocalActor follower, URI followId, RemoteActor followee);

    /** Accepts the stored Follow activity {@code follow}, known here as follow row {@code followRowId}. */
    void acceptFollow(DSLContext tx, LocalActor followee, long followRowId, URI follow, RemoteActor follower);

    void rejectFollow(DSLContext tx, LocalActor followee, URI follow, RemoteActor follower);

    /** Answers the stored Join activity {@code join} of one of the organiser's events with Ignore. */
    void ignoreJoin(DSLContext tx, LocalActor organiser, URI join, RemoteActor participant);

    void like(DSLContext tx, LocalActor actor, URI likeId, URI object, RemoteActor author);

    void undoLike(DSLContext tx, LocalActor actor, URI likeId, RemoteActor author);

    /** A boost, to the booster's followers and the boosted post's remote author (none for a post of this node). */
    void announce(DSLContext tx, LocalActor actor, URI announceId, URI object, java.util.Optional<RemoteActor> author);

    void undoAnnounce(DSLContext tx, LocalActor actor, URI announceId, java.util.Optional<RemoteActor> author);

    /** Blocks a remote actor: the Block goes to it alone (Mastodon then drops follows both ways and hides us). */
    void block(DSLContext tx, LocalActor actor, URI blockId, RemoteActor blocked);

    /** Takes the Block published as {@code blockId} back. */
    void undoBlock(DSLContext tx, LocalActor actor, URI blockId, RemoteActor blocked);

    /** One of the actor's posts is now in its featured collection (pinned): {@code Add} to its followers. */
    void pinned(DSLContext tx, LocalActor actor, URI post);

    /** The post left the actor's featured collection: {@code Remove} to its followers. */
    void unpinned(DSLContext tx, LocalActor actor, URI post);

    /**
     * A report about {@code reported} (and {@code statuses} of its), to its server: a Flag sent by {@code sender}, the
     * instance actor, so that whoever reported stays anonymous (Mastodon sends it so).
     */
    void flag(DSLContext tx, LocalActor sender, URI id, RemoteActor reported, List<URI> statuses, String comment);

    /** The instance actor subscribes to a relay (FEP-ae0c, Mastodon style: Follow of as:Public sent to its inbox). */
    void subscribeToRelay(DSLContext tx, LocalActor instance, URI followId, URI relayInbox);

    /** Takes that subscription back (Undo of the Follow). */
    void unsubscribeFromRelay(DSLContext tx, LocalActor instance, URI followId, URI relayInbox);

    /** The actor's profile or keys changed. */
    void actorUpdated(DSLContext tx, LocalActor actor);
}
