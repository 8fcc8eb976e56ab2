package de.allmende.store.client;

import org.jooq.DSLContext;

import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency keys of status creation (Mastodon's {@code Idempotency-Key} header): per token, kept for an hour.
 * {@link #claim} writes the key first in the posting transaction: a second request with the same key waits on the
 * row until the first commits, then finds the status it made — two submissions never make two posts.
 */
public final class IdempotencyStore {
    /** How long a key holds, as Mastodon keeps them. */
    public static final Duration KEPT = Duration.ofHours(1);

    /** The result of claiming a key: ours to fill, or the status an earlier request made with it. */
    public sealed interface Claim {
        record Fresh() implements Claim {}

        record Earlier(long postId) implements Claim {}
    }

    /** Claims {@code key} for {@code tokenId} (a key older than {@link #KEPT} is taken over); call inside the transaction. */
    public Claim claim(DSLContext tx, long tokenId, String key) {
        String seconds = Long.toString(KEPT.toSeconds());
        boolean ours = tx.fetchOptional("""
                INSERT INTO status_idempotency (token_id, key) VALUES (?, ?)
                ON CONFLICT (token_id, key) DO UPDATE SET created = now(), post_id = NULL
                    WHERE status_idempotency.created < now() - make_interval(secs => ?::int)
                RETURNING 1""", tokenId, key, seconds).isPresent();
        if (ours) {
            tx.execute("DELETE FROM status_idempotency WHERE token_id = ? AND created < now() - make_interval(secs => ?::int)", tokenId, seconds);
            return new Claim.Fresh();
        }
        Optional<Long> post = tx.fetchOptional("SELECT post_id FROM status_idempotency WHERE token_id = ? AND key = ?", tokenId, key)
                .map(r -> r.get(0, Long.class));
        // Without a status the earlier request is still open in a transaction we could not wait for: nothing to answer with yet.
        return post.<Claim>map(Claim.Earlier::new).orElseThrow(() -> new IllegalStateException("idempotency key without a status"));
    }

    /** Names the status a claimed key made. */
    public void complete(DSLContext tx, long tokenId, String key, long postId) {
        tx.execute("UPDATE status_idempotency SET post_id = ? WHERE token_id = ? AND key = ?", postId, tokenId, key);
    }
}
