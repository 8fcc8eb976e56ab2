package de.allmende.store;

import de.allmende.domain.client.Viewer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static de.allmende.db.Tables.FOLLOW;
import static de.allmende.db.Tables.POST;

/**
 * What streaming needs to know of a post to decide which open streams hear of it: the facts that choose the
 * public and hashtag streams, and whether a post belongs on one viewer's home timeline by the rule
 * {@link TimelineStore#home} pages by.
 */
public final class StreamStore {

    /**
     * @param local    written on this node
     * @param hashtags lower-cased, without '#'
     */
    public record PostFacts(long id, long authorId, String visibility, boolean local, boolean boost, boolean withMedia,
                            Set<String> hashtags) {
        public boolean isPublic() {
            return visibility.equals("public");
        }
    }

    /** The post's facts, deleted or not; empty if there is no such post. */
    public Optional<PostFacts> facts(DSLContext tx, long postId) {
        return tx.select(POST.ID, POST.AUTHOR_ID, POST.VISIBILITY, POST.ORIGIN_HOST, POST.REBLOG_OF_ID, POST.HASHTAGS,
                        DSL.field("{0} <> '[]'::jsonb", Boolean.class, POST.ATTACHMENTS))
                .from(POST).where(POST.ID.eq(postId))
                .fetchOptional(r -> new PostFacts(r.value1(), r.value2(), r.value3(), r.value4() == null, r.value5() != null,
                        Boolean.TRUE.equals(r.value7()),
                        Arrays.stream(r.value6()).map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())));
    }

    /**
     * True if the post is (or, deleted, was) on the viewer's home timeline: the viewer's own or by an account it
     * follows, and visible to it (a boost only with the boosted post).
     */
    public boolean onHome(DSLContext tx, Viewer v, long postId) {
        de.allmende.db.tables.Post boosted = POST.as("boosted");
        Condition followed = POST.AUTHOR_ID.eq(v.accountId()).or(DSL.exists(DSL.selectOne().from(FOLLOW).where(
                FOLLOW.FOLLOWER_ID.eq(v.accountId()), FOLLOW.FOLLOWEE_ID.eq(POST.AUTHOR_ID), FOLLOW.STATE.eq("accepted"))));
        Condition boostVisible = POST.REBLOG_OF_ID.isNull().or(DSL.exists(DSL.selectOne().from(boosted)
                .where(boosted.ID.eq(POST.REBLOG_OF_ID)).and(TimelineStore.addressedTo(boosted, v))));
        return tx.fetchExists(DSL.selectOne().from(POST).where(POST.ID.eq(postId))
                .and(followed).and(TimelineStore.addressedTo(POST, v)).and(boostVisible));
    }
}
