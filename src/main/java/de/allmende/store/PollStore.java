package de.allmende.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.allmende.domain.post.PollFacts;
import org.jooq.DSLContext;
import org.jooq.JSONB;

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
