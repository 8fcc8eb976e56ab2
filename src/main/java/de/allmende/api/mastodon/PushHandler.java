package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.push.PushPolicy;
import de.allmende.domain.push.PushSettings;
import de.allmende.domain.push.PushSubscription;
import de.allmende.service.push.PushSubscriptions;
import de.allmende.service.push.VapidKey;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Web Push subscriptions (docs.joinmastodon.org/methods/push): {@code POST} subscribes the token (replacing its
 * subscription), {@code GET} reads it, {@code PUT} changes its alerts and policy, {@code DELETE} ends it. Parameters
 * come as a form ({@code subscription[keys][p256dh]=…}, {@code data[alerts][mention]=true}) or as JSON. As on
 * Mastodon, an alert not given is off, and a {@code data} without a policy means {@code all}.
 */
public final class PushHandler {
    private final PushSubscriptions subscriptions;
    private final VapidKey vapid;
    private final Viewers viewers;

    PushHandler(PushSubscriptions subscriptions, VapidKey vapid, Viewers viewers) {
        this.subscriptions = subscriptions;
        this.vapid = vapid;
        this.viewers = viewers;
    }

    public void subscribe(RoutingContext ctx) {
        BodyParams params = BodyParams.of(ctx);
        BodyParams subscription = params.object("subscription")
                .orElseThrow(() -> ApiException.badRequest("param is missing or the value is empty: subscription"));
        Optional<BodyParams> keys = subscription.object("keys");
        var who = new PushSubscriptions.Subscriber(ClientAuth.grant(ctx).tokenId(), viewers.of(ctx).accountId(),
                ClientAuth.presentedToken(ctx.request()));
        answer(ctx, subscriptions.subscribe(who, subscription.string("endpoint").orElse(null),
                keys.flatMap(k -> k.string("p256dh")).orElse(null), keys.flatMap(k -> k.string("auth")).orElse(null), settings(params)));
    }

    public void get(RoutingContext ctx) {
        answer(ctx, subscriptions.get(ClientAuth.grant(ctx).tokenId()));
    }

    public void update(RoutingContext ctx) {
        answer(ctx, subscriptions.update(ClientAuth.grant(ctx).tokenId(), settings(BodyParams.of(ctx))));
    }

    public void delete(RoutingContext ctx) {
        subscriptions.remove(ClientAuth.grant(ctx).tokenId());
        Responses.json(ctx, 200, MediaTypes.JSON, JsonNodeFactory.instance.objectNode());
    }

    /** {@code data[alerts][type]} (Rails booleans) and {@code data[policy]}. */
    static PushSettings settings(BodyParams params) {
        Optional<BodyParams> data = params.object("data");
        Optional<BodyParams> alerts = data.flatMap(d -> d.object("alerts"));
        Set<String> on = new HashSet<>();
        for (String alert : PushSettings.ALERTS) {
            if (alerts.flatMap(a -> a.bool(alert)).orElse(false)) on.add(alert);
        }
        // masto.js sends the policy beside data instead of in it; Mastodon would not see it there, this node takes it.
        String policy = data.flatMap(d -> d.string("policy")).or(() -> params.string("policy")).orElse(PushPolicy.ALL.wire());
        return new PushSettings(on, PushPolicy.of(policy)
                .orElseThrow(() -> ApiException.unprocessable("Validation failed: Policy is not included in the list")));
    }

    /** Mastodon's WebPushSubscription: every alert it lists, on or off, and the node's VAPID key. */
    private void answer(RoutingContext ctx, PushSubscription s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", Long.toString(s.id()));
        o.put("endpoint", s.endpoint().toString());
        o.put("standard", true); // RFC 8291 aes128gcm, whatever the app asked: the draft encoding is not sent
        ObjectNode alerts = o.putObject("alerts");
        PushSettings.ALERTS.forEach(a -> alerts.put(a, s.settings().wants(a)));
        o.put("policy", s.settings().policy().wire());
        o.put("server_key", vapid.publicKey());
        Responses.json(ctx, 200, MediaTypes.JSON, o);
    }
}
