package de.allmende.store.push;

import de.allmende.domain.push.NewPushSubscription;
import de.allmende.domain.push.PushPolicy;
import de.allmende.domain.push.PushSettings;
import de.allmende.domain.push.PushSubscription;
import de.allmende.db.tables.records.PushSubscriptionRecord;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static de.allmende.db.Tables.OAUTH_TOKEN;
import static de.allmende.db.Tables.PERSON;
import static de.allmende.db.Tables.PERSON_ROLE;
import static de.allmende.db.Tables.PUSH_SENT;
import static de.allmende.db.Tables.PUSH_SUBSCRIPTION;

/** Web Push subscriptions, one per access token, and which notification went to which (V19). */
public final class PushSubscriptionStore {
    /** A subscription with what sending to it takes; the token is sealed under the master key. */
    public record Target(long id, long tokenId, URI endpoint, byte[] p256dh, byte[] auth, PushSettings settings, byte[] sealedToken) {}

    /** Puts {@code s} in place of whatever the token had subscribed; returns the new subscription's id. */
    public long replace(DSLContext tx, long tokenId, long accountId, NewPushSubscription s, byte[] sealedToken) {
        deleteOfToken(tx, tokenId);
        return tx.insertInto(PUSH_SUBSCRIPTION).set(PUSH_SUBSCRIPTION.TOKEN_ID, tokenId).set(PUSH_SUBSCRIPTION.ACCOUNT_ID, accountId)
                .set(PUSH_SUBSCRIPTION.ENDPOINT, s.endpoint().toString()).set(PUSH_SUBSCRIPTION.KEY_P256DH, s.p256dh())
                .set(PUSH_SUBSCRIPTION.KEY_AUTH, s.auth()).set(PUSH_SUBSCRIPTION.ALERTS, alerts(s.settings()))
                .set(PUSH_SUBSCRIPTION.POLICY, s.settings().policy().wire()).set(PUSH_SUBSCRIPTION.SEALED_TOKEN, sealedToken)
                .returning(PUSH_SUBSCRIPTION.ID).fetchSingle(PUSH_SUBSCRIPTION.ID);
    }

    public Optional<PushSubscription> findOfToken(DSLContext tx, long tokenId) {
        return tx.selectFrom(PUSH_SUBSCRIPTION).where(PUSH_SUBSCRIPTION.TOKEN_ID.eq(tokenId))
                .fetchOptional(r -> new PushSubscription(r.getId(), URI.create(r.getEndpoint()), settings(r)));
    }

    /** Changes what the token's subscription wants; false if it has none. */
    public boolean updateSettings(DSLContext tx, long tokenId, PushSettings settings) {
        return tx.update(PUSH_SUBSCRIPTION).set(PUSH_SUBSCRIPTION.ALERTS, alerts(settings))
                .set(PUSH_SUBSCRIPTION.POLICY, settings.policy().wire())
                .where(PUSH_SUBSCRIPTION.TOKEN_ID.eq(tokenId)).execute() > 0;
    }

    public void deleteOfToken(DSLContext tx, long tokenId) {
        tx.deleteFrom(PUSH_SUBSCRIPTION).where(PUSH_SUBSCRIPTION.TOKEN_ID.eq(tokenId)).execute();
    }

    /** A person was disabled: none of their tokens pushes any more. */
    public void deleteOfPerson(DSLContext tx, long personId) {
        tx.deleteFrom(PUSH_SUBSCRIPTION).where(PUSH_SUBSCRIPTION.TOKEN_ID.in(
                tx.select(OAUTH_TOKEN.ID).from(OAUTH_TOKEN).where(OAUTH_TOKEN.PERSON_ID.eq(personId)))).execute();
    }

    /** The push service said the subscription is gone (404, 410). */
    public void delete(DSLContext tx, long id) {
        tx.deleteFrom(PUSH_SUBSCRIPTION).where(PUSH_SUBSCRIPTION.ID.eq(id)).execute();
    }

    /**
     * The subscriptions for an account whose tokens still hold: not revoked, their person enabled and still acting for
     * the municipality (as the token guard checks on every request).
     */
    public List<Target> deliverable(DSLContext tx, long accountId) {
        return tx.select(PUSH_SUBSCRIPTION.fields()).from(PUSH_SUBSCRIPTION)
                .join(OAUTH_TOKEN).on(OAUTH_TOKEN.ID.eq(PUSH_SUBSCRIPTION.TOKEN_ID), OAUTH_TOKEN.REVOKED.isNull())
                .join(PERSON).on(PERSON.ID.eq(OAUTH_TOKEN.PERSON_ID), PERSON.DISABLED.isNull())
                .join(PERSON_ROLE).on(PERSON_ROLE.PERSON_ID.eq(OAUTH_TOKEN.PERSON_ID), PERSON_ROLE.ACTOR_ID.eq(OAUTH_TOKEN.ACTOR_ID))
                .where(PUSH_SUBSCRIPTION.ACCOUNT_ID.eq(accountId))
                .orderBy(PUSH_SUBSCRIPTION.ID)
                .fetch(r -> {
                    PushSubscriptionRecord s = r.into(PUSH_SUBSCRIPTION);
                    return new Target(s.getId(), s.getTokenId(), URI.create(s.getEndpoint()), s.getKeyP256dh(), s.getKeyAuth(),
                            settings(s), s.getSealedToken());
                });
    }

    public boolean wasSent(DSLContext tx, long subscriptionId, long notificationId) {
        return tx.fetchExists(PUSH_SENT, PUSH_SENT.SUBSCRIPTION_ID.eq(subscriptionId), PUSH_SENT.NOTIFICATION_ID.eq(notificationId));
    }

    public void markSent(DSLContext tx, long subscriptionId, long notificationId) {
        tx.insertInto(PUSH_SENT).set(PUSH_SENT.SUBSCRIPTION_ID, subscriptionId).set(PUSH_SENT.NOTIFICATION_ID, notificationId)
                .onConflictDoNothing().execute();
    }

    /** Forgets what was sent before {@code before}: no retry of those jobs comes any more. */
    public int pruneSent(DSLContext tx, Instant before) {
        return tx.deleteFrom(PUSH_SENT).where(PUSH_SENT.SENT.lt(OffsetDateTime.ofInstant(before, ZoneOffset.UTC))).execute();
    }

    private static String[] alerts(PushSettings settings) {
        return PushSettings.ALERTS.stream().filter(settings::wants).toArray(String[]::new);
    }

    private static PushSettings settings(PushSubscriptionRecord r) {
        return new PushSettings(Set.of(r.getAlerts()), PushPolicy.of(r.getPolicy()).orElseThrow());
    }
}
