package de.allmende.store;

import de.allmende.domain.client.ClientList;
import de.allmende.domain.client.PageRequest;
import de.allmende.domain.client.TagQuery;
import de.allmende.domain.client.TimelineFilter;
import de.allmende.domain.client.Viewer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static de.allmende.db.Tables.ACCOUNT_BLOCK;
import static de.allmende.db.Tables.ACCOUNT_DOMAIN_BLOCK;
import static de.allmende.db.Tables.ACCOUNT_MUTE;
import static de.allmende.db.Tables.FOLLOW;
import static de.allmende.db.Tables.POST;

/**
 * Pages of post ids for the client API's timelines and lists, newest first, over the snowflake ids — always
 * limited to what the viewer may see ({@link #visibleTo}): followers-only and direct posts reach only their
 * author, the people they address and (followers-only) the author's accepted followers. A boost is visible only
 * where the boosted post is too.
 */
public final class TimelineStore {
    private static final de.allmende.db.tables.Post BOOSTED = POST.as("boosted");
    private static final de.allmende.db.tables.Post PARENT = POST.as("parent");
    private final ConversationMuteStore conversationMutes = new ConversationMuteStore();

    /**
     * The home timeline: the viewer's own posts and boosts and those of the accounts it follows (accepted; their
     * boosts only where it follows with boosts shown), less those of members of its exclusive lists, and public posts
     * with a hashtag it follows; without what it blocks, mutes or hides by domain. The list and tag conditions are added
     * only for viewers with exclusive lists or followed tags, so everyone else's timeline reads as before.
     */
    public List<Long> home(DSLContext tx, Viewer v, PageRequest page) {
        var withBoosts = DSL.select(FOLLOW.FOLLOWEE_ID).from(FOLLOW)
                .where(FOLLOW.FOLLOWER_ID.eq(v.accountId()), FOLLOW.STATE.eq("accepted"), FOLLOW.SHOW_REBLOGS.isTrue());
        // Two uncorrelated sets (each hashed once per query), not one subquery per post.
        Condition followed = POST.AUTHOR_ID.eq(v.accountId())
                .or(POST.REBLOG_OF_ID.isNull().and(POST.AUTHOR_ID.in(followedBy(v))))
                .or(POST.REBLOG_OF_ID.isNotNull().and(POST.AUTHOR_ID.in(withBoosts)));
        if (tx.fetchExists(DSL.selectOne().from("client_list").where("account_id = ? AND exclusive", v.accountId()))) {
            followed = followed.and(DSL.condition("NOT EXISTS (SELECT 1 FROM client_list l JOIN client_list_member m ON m.list_id = l.id"
                    + " WHERE l.account_id = {1} AND l.exclusive AND m.account_id = {0})", POST.AUTHOR_ID, DSL.val(v.accountId())));
        }
        Condition c = followed.and(visibleWithBoosted(v));
        if (tx.fetchExists(DSL.selectOne().from("followed_tag").where("account_id = ?", v.accountId()))) {
            c = c.or(publicOriginals().and(DSL.condition("{0} IN (SELECT t.post_id FROM post_tag t JOIN followed_tag f ON f.name = t.name"
                    + " WHERE f.account_id = {1})", POST.ID, DSL.val(v.accountId()))));
        }
        return page(tx, c.and(notHidden(tx, v)), page);
    }
    /** A list's timeline: its members' posts and boosts, with the replies its policy lets in, as far as visible. */
    public List<Long> list(DSLContext tx, Viewer v, ClientList list, PageRequest page) {
        Condition byMembers = DSL.condition("{0} IN (SELECT account_id FROM client_list_member WHERE list_id = {1})", POST.AUTHOR_ID, DSL.val(list.id()));
        Condition replies = switch (list.repliesPolicy()) {
            case "none" -> POST.IN_REPLY_TO.isNull();
            case "followed" -> POST.IN_REPLY_TO.isNull().or(DSL.exists(DSL.selectOne().from(PARENT).where(PARENT.IRI.eq(POST.IN_REPLY_TO))
                    .and(PARENT.AUTHOR_ID.eq(v.accountId()).or(PARENT.AUTHOR_ID.in(followedBy(v))))));
            default -> POST.IN_REPLY_TO.isNull().or(DSL.exists(DSL.selectOne().from(PARENT).where(PARENT.IRI.eq(POST.IN_REPLY_TO))
                    .and(PARENT.AUTHOR_ID.eq(v.accountId()).or(DSL.condition("{0} IN (SELECT account_id FROM client_list_member WHERE list_id = {1})",
                            PARENT.AUTHOR_ID, DSL.val(list.id()))))));
        };
        return page(tx, byMembers.and(replies).and(visibleWithBoosted(v)), page);
    }

    /** A hashtag timeline: public posts (no boosts) the node holds with the tags asked for, matched case-insensitively. */
    public List<Long> tag(DSLContext tx, TagQuery q, PageRequest page) {
        // A tag no public post has answers at once (by the primary key) rather than after a walk the planner may choose.
        // Scalar comparisons: with an array parameter, a reused server-side plan scanned all of post_tag (20 ms at 300,000 posts).
        Condition named = DSL.or(q.any().stream().map(t -> DSL.condition("name = {0}", DSL.val(t))).toList());
        if (!tx.fetchExists(DSL.selectOne().from(DSL.table("post_tag")).where(named))) return List.of();
        Condition c = publicOriginals().and(tagged(q.any())).and(filtered(q.filter()));
        for (String tag : q.all()) c = c.and(tagged(List.of(tag)));
        if (!q.none().isEmpty()) c = c.andNot(tagged(q.none()));
        return page(tx, c, page);
    }

    private static Condition publicOriginals() {
        return POST.VISIBILITY.eq("public").and(POST.DELETED.isNull()).and(POST.REBLOG_OF_ID.isNull());
    }

    /** Any of these lower-case tags (post_tag of V17: public posts' tags as rows). */
    private static Condition tagged(List<String> tags) {
        if (tags.size() == 1) return DSL.condition("{0} IN (SELECT post_id FROM post_tag WHERE name = {1})", POST.ID, DSL.val(tags.getFirst()));
        return DSL.condition("{0} IN (SELECT post_id FROM post_tag WHERE name = ANY({1}::text[]))", POST.ID, DSL.val(tags.toArray(String[]::new)));
    }

    private static org.jooq.Select<org.jooq.Record1<Long>> followedBy(Viewer v) {
        return DSL.select(FOLLOW.FOLLOWEE_ID).from(FOLLOW).where(FOLLOW.FOLLOWER_ID.eq(v.accountId()), FOLLOW.STATE.eq("accepted"));
    }

    /** The public timeline: public posts (no boosts), local or remote or both, without what the viewer hides. */
    public List<Long> publicTimeline(DSLContext tx, Viewer v, PageRequest page, TimelineFilter f) {
        Condition c = publicOriginals().and(filtered(f));
        return page(tx, c.and(notHidden(tx, v)), page);
    }

    /** An account's posts and boosts, as far as the viewer may see them. */
    public List<Long> byAuthor(DSLContext tx, Viewer v, long authorId, PageRequest page, TimelineFilter f) {
        return page(tx, POST.AUTHOR_ID.eq(authorId).and(visibleWithBoosted(v)).and(filtered(f)), page);
    }

    /** True if the post exists, is not deleted and the viewer may see it (and, for a boost, the boosted post). */
    public boolean isVisible(DSLContext tx, Viewer v, long postId) {
        return tx.fetchExists(DSL.selectOne().from(POST).where(POST.ID.eq(postId)).and(visibleWithBoosted(v)));
    }

    /** Of these ids, the ones the viewer may see, oldest first (a thread reads downwards). */
    public List<Long> visibleOf(DSLContext tx, Viewer v, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return tx.select(POST.ID).from(POST).where(POST.ID.in(ids)).and(visibleWithBoosted(v)).orderBy(POST.ID).fetch(POST.ID);
    }

    /**
     * Replies to the post and replies to those, to a depth, at most {@code limit}. Replies are found by the IRI they
     * answer ({@code in_reply_to}, indexed; every post that has {@code in_reply_to_id} has it too): a reply may
     * arrive before its parent.
     */
    public List<Long> descendants(DSLContext tx, long postId, int limit) {
        return tx.fetch("""
                WITH RECURSIVE thread(id, iri, depth) AS (
                    SELECT p.id, p.iri, 1 FROM post p JOIN post parent ON parent.id = ? WHERE p.in_reply_to = parent.iri
                    UNION
                    SELECT p.id, p.iri, t.depth + 1 FROM post p JOIN thread t ON p.in_reply_to = t.iri WHERE t.depth < 40
                ) SELECT DISTINCT id FROM thread ORDER BY id LIMIT ?""", postId, limit).getValues(0, Long.class);
    }

    /** The account's boost of a post, if it boosted it and the boost is a post here. */
    public java.util.Optional<Long> boostOf(DSLContext tx, long accountId, long postId) {
        return tx.select(POST.ID).from(POST).where(POST.AUTHOR_ID.eq(accountId), POST.REBLOG_OF_ID.eq(postId)).fetchOptional(POST.ID);
    }

    /** How a post links to others: what it boosts, what it answers and that post's author. */
    public record Links(Optional<Long> reblogOf, Optional<Long> inReplyTo, Optional<Long> inReplyToAccount) {}

    public Links links(DSLContext tx, long postId) {
        return links(tx, List.of(postId)).getOrDefault(postId, new Links(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    /** The links of several posts in one query, by post id. */
    public Map<Long, Links> links(DSLContext tx, Collection<Long> postIds) {
        Map<Long, Links> out = new HashMap<>();
        tx.fetch("""
                SELECT p.id, p.reblog_of_id, parent.id, parent.author_id FROM post p
                LEFT JOIN post parent ON parent.id = COALESCE(p.in_reply_to_id, (SELECT x.id FROM post x WHERE x.iri = p.in_reply_to))
                WHERE p.id = ANY(?)""", (Object) postIds.toArray(Long[]::new))
                .forEach(r -> out.put(r.get(0, Long.class), new Links(Optional.ofNullable(r.get(1, Long.class)),
                        Optional.ofNullable(r.get(2, Long.class)), Optional.ofNullable(r.get(3, Long.class)))));
        return out;
    }

    /** Counts of a post and what the viewer did to it ({@code muted}: it muted the post's thread). */
    public record Counts(int replies, int reblogs, int favourites, boolean favourited, boolean reblogged, boolean bookmarked,
                         boolean pinned, boolean muted) {
        public static final Counts NONE = new Counts(0, 0, 0, false, false, false, false, false);
    }

    /** The counts of several posts in one query, by post id. Replies count as Mastodon counts them: public and unlisted. */
    public Map<Long, Counts> counts(DSLContext tx, Collection<Long> postIds, long viewerId) {
        Map<Long, Counts> out = new HashMap<>();
        java.util.Set<Long> muted = conversationMutes.mutedOf(tx, viewerId, postIds);
        tx.fetch("""
                SELECT p.id,
                       (SELECT count(*) FROM post r WHERE r.in_reply_to = p.iri AND r.deleted IS NULL
                            AND r.visibility IN ('public', 'unlisted')),
                       (SELECT count(*) FROM reaction WHERE post_id = p.id AND kind = 'announce'),
                       (SELECT count(*) FROM reaction WHERE post_id = p.id AND kind = 'like'),
                       EXISTS (SELECT 1 FROM reaction WHERE post_id = p.id AND kind = 'like' AND account_id = ?),
                       EXISTS (SELECT 1 FROM reaction WHERE post_id = p.id AND kind = 'announce' AND account_id = ?),
                       EXISTS (SELECT 1 FROM bookmark WHERE post_id = p.id AND account_id = ?),
                       EXISTS (SELECT 1 FROM status_pin WHERE post_id = p.id AND account_id = ?)
                FROM post p WHERE p.id = ANY(?)""", viewerId, viewerId, viewerId, viewerId, (Object) postIds.toArray(Long[]::new))
                .forEach(r -> out.put(r.get(0, Long.class), new Counts(r.get(1, Integer.class), r.get(2, Integer.class),
                        r.get(3, Integer.class), r.get(4, Boolean.class), r.get(5, Boolean.class), r.get(6, Boolean.class),
                        r.get(7, Boolean.class), muted.contains(r.get(0, Long.class)))));
        return out;
    }

    /** A post the viewer may see; a boost also needs the boosted post visible. */
    private static Condition visibleWithBoosted(Viewer v) {
        return visibleTo(POST, v).and(POST.REBLOG_OF_ID.isNull().or(DSL.exists(DSL.selectOne().from(BOOSTED)
                .where(BOOSTED.ID.eq(POST.REBLOG_OF_ID)).and(visibleTo(BOOSTED, v)))));
    }

    /**
     * Not by an account the viewer blocks or mutes (a mute in force), nor from a domain it hides (unless it follows
     * the author); for a boost, the boosted post's author and domain count too. What the viewer hides is read first
     * (usually nothing, so the timeline query stays as it was; a few ids otherwise).
     */
    private static Condition notHidden(DSLContext tx, Viewer v) {
        List<Long> accounts = tx.select(ACCOUNT_BLOCK.TARGET_ID).from(ACCOUNT_BLOCK).where(ACCOUNT_BLOCK.ACCOUNT_ID.eq(v.accountId()))
                .union(DSL.select(ACCOUNT_MUTE.TARGET_ID).from(ACCOUNT_MUTE).where(ACCOUNT_MUTE.ACCOUNT_ID.eq(v.accountId()),
                        ACCOUNT_MUTE.EXPIRES_AT.isNull().or(ACCOUNT_MUTE.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))))
                .fetch(0, Long.class);
        List<String> domains = tx.select(ACCOUNT_DOMAIN_BLOCK.DOMAIN).from(ACCOUNT_DOMAIN_BLOCK)
                .where(ACCOUNT_DOMAIN_BLOCK.ACCOUNT_ID.eq(v.accountId())).fetch(ACCOUNT_DOMAIN_BLOCK.DOMAIN);
        if (accounts.isEmpty() && domains.isEmpty()) return DSL.noCondition();
        return notHiddenAuthor(POST, v, accounts, domains).and(POST.REBLOG_OF_ID.isNull().or(DSL.notExists(DSL.selectOne().from(BOOSTED)
                .where(BOOSTED.ID.eq(POST.REBLOG_OF_ID)).and(DSL.not(notHiddenAuthor(BOOSTED, v, accounts, domains))))));
    }

    private static Condition notHiddenAuthor(de.allmende.db.tables.Post p, Viewer v, List<Long> accounts, List<String> domains) {
        Condition c = accounts.isEmpty() ? DSL.noCondition() : p.AUTHOR_ID.notIn(accounts);
        if (domains.isEmpty()) return c;
        Condition onHiddenDomain = DSL.or(domains.stream().map(d -> AccountRelationStore.hides(DSL.val(d), p.ORIGIN_HOST)).toList());
        // A hidden domain keeps the accounts there the viewer follows, as Mastodon's domain blocks do.
        Condition hidden = p.ORIGIN_HOST.isNotNull().and(onHiddenDomain).and(DSL.notExists(DSL.selectOne().from(FOLLOW)
                .where(FOLLOW.FOLLOWER_ID.eq(v.accountId()), FOLLOW.FOLLOWEE_ID.eq(p.AUTHOR_ID), FOLLOW.STATE.eq("accepted"))));
        return c.and(DSL.not(hidden));
    }

    /**
     * Mastodon's rule: public and unlisted posts to all; followers-only to the author's accepted followers; both
     * followers-only and direct to the author and whom the post addresses (to, cc or mentions name the viewer).
     */
    static Condition visibleTo(de.allmende.db.tables.Post p, Viewer v) {
        return p.DELETED.isNull().and(addressedTo(p, v));
    }

    /** Whom a post is for by {@link #visibleTo}'s rule, deleted or not (a deletion goes to those who could see it). */
    static Condition addressedTo(de.allmende.db.tables.Post p, Viewer v) {
        String iri = v.iri().toString();
        Condition addressed = DSL.condition("{0} @> jsonb_build_object('to', jsonb_build_array({1}::text))", p.AUDIENCE, DSL.val(iri))
                .or(DSL.condition("{0} @> jsonb_build_object('cc', jsonb_build_array({1}::text))", p.AUDIENCE, DSL.val(iri)))
                .or(DSL.val(iri).eq(DSL.any(p.MENTIONS)));
        Condition follower = p.VISIBILITY.eq("followers").and(DSL.exists(DSL.selectOne().from(FOLLOW)
                .where(FOLLOW.FOLLOWER_ID.eq(v.accountId()), FOLLOW.FOLLOWEE_ID.eq(p.AUTHOR_ID), FOLLOW.STATE.eq("accepted"))));
        return p.VISIBILITY.in("public", "unlisted").or(p.AUTHOR_ID.eq(v.accountId())).or(follower).or(addressed);
    }

    private static Condition filtered(TimelineFilter f) {
        Condition c = DSL.noCondition();
        if (f.excludeReplies()) c = c.and(POST.IN_REPLY_TO.isNull());
        if (f.excludeReblogs()) c = c.and(POST.REBLOG_OF_ID.isNull());
        if (f.onlyMedia()) c = c.and(DSL.condition("{0} <> '[]'::jsonb", POST.ATTACHMENTS));
        if (f.localOnly()) c = c.and(POST.ORIGIN_HOST.isNull());
        if (f.remoteOnly()) c = c.and(POST.ORIGIN_HOST.isNotNull());
        return c;
    }

    /** Newest first; with {@code minId} the page right above it (fetched oldest first, then turned). */
    private static List<Long> page(DSLContext tx, Condition where, PageRequest page) {
        Condition c = where;
        if (page.maxId().isPresent()) c = c.and(POST.ID.lt(page.maxId().get()));
        if (page.minId().isPresent()) {
            List<Long> ids = new ArrayList<>(tx.select(POST.ID).from(POST).where(c.and(POST.ID.gt(page.minId().get())))
                    .orderBy(POST.ID.asc()).limit(page.limit()).fetch(POST.ID));
            Collections.reverse(ids);
            return ids;
        }
        if (page.sinceId().isPresent()) c = c.and(POST.ID.gt(page.sinceId().get()));
        return tx.select(POST.ID).from(POST).where(c).orderBy(POST.ID.desc()).limit(page.limit()).fetch(POST.ID);
    }
}
