package de.allmende.service.client;

import java.util.List;
import java.util.Optional;

/**
 * How the viewer and another account stand (Mastodon's Relationship, docs.joinmastodon.org/entities/Relationship):
 * follows both ways with the viewer's follow options, blocks, mutes, the domain the viewer hides and its private
 * note. {@code blockedBy} is false: this node keeps no record of others' blocks.
 */
public record Relationship(long accountId, Following following, boolean followedBy, boolean requestedBy, boolean blocking,
                           boolean blockedBy, Muting muting, boolean domainBlocking, String note) {
    /** The viewer's follow: held, asked for, or neither; with its options (boosts shown, notify, languages). */
    public record Following(boolean following, boolean requested, boolean showingReblogs, boolean notifying,
                            Optional<List<String>> languages) {
        public static final Following NONE = new Following(false, false, false, false, Optional.empty());
    }

    /** The viewer's mute in force, if any, and whether it hides the account's notifications too. */
    public record Muting(boolean muting, boolean notifications) {
        public static final Muting NONE = new Muting(false, false);
    }
}
