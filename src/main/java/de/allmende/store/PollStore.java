package de.allmende.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.allmende.domain.post.PollFacts;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.POLL;
import static de.allmende.db.Tables.POLL_VOTE;

/** Polls of posts (the post's id is the poll's) and the votes local accounts cast in them. */
public final class PollStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<OptionColumn>> OPTIONS = new TypeReference<>() {};

    record OptionColumn(String title, int votes) {}

    /** The poll of a post as its author counts it now: new, or replacing what an earlier version said. */
    public void save(DSLContext tx, long postId, PollFacts p) {
        JSONB options = JSONB.jsonb(write(p.options().stream().map(o -> new OptionColumn(o.title(), o.votes())).toList()));
        OffsetDateTime ends = p.endTime().map(PollStore::at).orElse(null);
        OffsetDateTime closed = p.closed().map(PollStore::at).orElse(null);
        Integer voters = p.votersCount().orElse(null);
        tx.insertInto(POLL).set(POLL.POST_ID, postId).set(POLL.MULTIPLE, p.multiple()).set(POLL.OPTIONS, options)
                .set(POLL.EXPIRES_AT, ends).set(POLL.CLOSED, closed).set(POLL.VOTERS_COUNT, voters)
                .onConflict(POLL.POST_ID).doUpdate()
                .set(POLL.MULTIPLE, p.multiple()).set(POLL.OPTIONS, options).set(POLL.EXPIRES_AT, ends)
                .set(POLL.CLOSED, closed).set(POLL.VOTERS_COUNT, voters)
                .execute();
    }

    public Optional<PollFacts> find(DSLContext tx, long postId) {
        return tx.selectFrom(POLL).where(POLL.POST_ID.eq(postId)).fetchOptional(PollStore::toFacts);
    }

    /** The poll, locked until the transaction ends: one account's votes are checked and cast one request at a time. */
    public Optional<PollFacts> lock(DSLContext tx, long postId) {
        return tx.selectFrom(POLL).where(POLL.POST_ID.eq(postId)).forUpdate().fetchOptional(PollStore::toFacts);
    }

    /** The options (by index) an account chose; empty if it has not voted. */
    public List<Integer> choices(DSLContext tx, long postId, long accountId) {
        return tx.select(POLL_VOTE.CHOICE).from(POLL_VOTE).where(POLL_VOTE.POST_ID.eq(postId), POLL_VOTE.ACCOUNT_ID.eq(accountId))
                .orderBy(POLL_VOTE.CHOICE).fetch(POLL_VOTE.CHOICE);
    }

    public void vote(DSLContext tx, long postId, long accountId, int choice, String iri) {
        tx.insertInto(POLL_VOTE).set(POLL_VOTE.POST_ID, postId).set(POLL_VOTE.ACCOUNT_ID, accountId)
                .set(POLL_VOTE.CHOICE, choice).set(POLL_VOTE.IRI, iri).execute();
    }

    /** A vote in a poll this node counts; false if the account chose this option already (each counts once). */
    public boolean count(DSLContext tx, long postId, long accountId, int choice, String iri) {
        return tx.insertInto(POLL_VOTE).set(POLL_VOTE.POST_ID, postId).set(POLL_VOTE.ACCOUNT_ID, accountId)
                .set(POLL_VOTE.CHOICE, choice).set(POLL_VOTE.IRI, iri).onConflictDoNothing().execute() == 1;
    }

    /** A poll this node counts, its options' votes and its voters recounted from the votes cast. */
    public PollFacts recount(DSLContext tx, long postId) {
        PollFacts p = lock(tx, postId).orElseThrow();
        java.util.Map<Integer, Integer> perChoice = tx.select(POLL_VOTE.CHOICE, DSL.count()).from(POLL_VOTE)
                .where(POLL_VOTE.POST_ID.eq(postId)).groupBy(POLL_VOTE.CHOICE).fetchMap(r -> r.value1(), r -> r.value2());
        int voters = tx.fetchCount(tx.selectDistinct(POLL_VOTE.ACCOUNT_ID).from(POLL_VOTE).where(POLL_VOTE.POST_ID.eq(postId)));
        List<PollFacts.Option> options = new java.util.ArrayList<>();
        for (int i = 0; i < p.options().size(); i++) options.add(new PollFacts.Option(p.options().get(i).title(), perChoice.getOrDefault(i, 0)));
        PollFacts counted = new PollFacts(p.multiple(), options, p.endTime(), p.closed(), Optional.of(voters));
        save(tx, postId, counted);
        return counted;
    }

    /** The number of votes the last Update(Question) told. */
    public int announced(DSLContext tx, long postId) {
        return tx.select(POLL.ANNOUNCED_VOTES).from(POLL).where(POLL.POST_ID.eq(postId)).fetchOptional(POLL.ANNOUNCED_VOTES).orElse(0);
    }

    public void announce(DSLContext tx, long postId, int votes) {
        tx.update(POLL).set(POLL.ANNOUNCED_VOTES, votes).where(POLL.POST_ID.eq(postId)).execute();
    }

    /** The inboxes of the remote accounts that voted (each host's shared inbox once): they hear of the new counts. */
    public java.util.Set<String> remoteVoterInboxes(DSLContext tx, long postId) {
        var account = de.allmende.db.Tables.ACCOUNT;
        var remote = de.allmende.db.Tables.REMOTE_ACTOR;
        return new java.util.LinkedHashSet<>(tx.selectDistinct(DSL.coalesce(remote.SHARED_INBOX, remote.INBOX)).from(POLL_VOTE)
                .join(account).on(account.ID.eq(POLL_VOTE.ACCOUNT_ID)).join(remote).on(remote.ID.eq(account.REMOTE_ACTOR_ID))
                .where(POLL_VOTE.POST_ID.eq(postId)).fetch(org.jooq.Record1::value1));
    }

    /** The local accounts that voted (they are told when the poll ends). */
    public List<Long> localVoters(DSLContext tx, long postId) {
        var account = de.allmende.db.Tables.ACCOUNT;
        return tx.selectDistinct(POLL_VOTE.ACCOUNT_ID).from(POLL_VOTE).join(account).on(account.ID.eq(POLL_VOTE.ACCOUNT_ID))
                .where(POLL_VOTE.POST_ID.eq(postId), account.LOCAL_ACTOR_ID.isNotNull()).fetch(POLL_VOTE.ACCOUNT_ID);
    }

    private static PollFacts toFacts(de.allmende.db.tables.records.PollRecord r) {
        List<PollFacts.Option> options = read(r.getOptions()).stream().map(o -> new PollFacts.Option(o.title(), o.votes())).toList();
        return new PollFacts(r.getMultiple(), options, Optional.ofNullable(r.getExpiresAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getClosed()).map(OffsetDateTime::toInstant), Optional.ofNullable(r.getVotersCount()));
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<OptionColumn> read(JSONB column) {
        try {
            return JSON.readValue(column.data(), OPTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable poll options", e);
        }
    }
}
