package de.allmende.federation.vocab;

import java.net.URI;

/**
 * An inbound activity of a type this node acts on, as its handler reads it: the common envelope plus
 * what that type is about, under a name that says so ({@link LikeActivity#liked()}). Made only by
 * {@link AsToInboundActivity#view}; one handler per permitted type (see the inbox's handler registry).
 */
public sealed interface ActivityView permits FollowActivity, AcceptActivity, RejectActivity, UndoActivity, LikeActivity,
        AnnounceActivity, CreateActivity, UpdateActivity, DeleteActivity, JoinActivity, FlagActivity {

    InboundActivity activity();

    /** The actor, checked by the inbox to be the signer (or vouched for by an object proof). */
    default URI actor() {
        return activity().actor();
    }

    default URI id() {
        return activity().id();
    }
}
