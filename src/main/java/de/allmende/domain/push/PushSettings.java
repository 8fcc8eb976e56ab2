package de.allmende.domain.push;

import java.util.List;
import java.util.Set;

/**
 * What a subscription wants pushed (Mastodon's {@code data}): the notification types switched on, and from whom.
 * An alert not given is off, as on Mastodon.
 *
 * @param alerts the switched-on types among {@link #ALERTS}
 */
public record PushSettings(Set<String> alerts, PushPolicy policy) {
    /** Every alert the WebPushSubscription entity lists, in Mastodon's order; the admin ones never fire here. */
    public static final List<String> ALERTS = List.of("mention", "status", "reblog", "follow", "follow_request", "favourite",
            "poll", "update", "admin.sign_up", "admin.report");

    public PushSettings {
        alerts = Set.copyOf(alerts);
        if (!ALERTS.containsAll(alerts)) throw new IllegalArgumentException("unknown alerts in " + alerts);
    }

    public boolean wants(String notificationType) {
        return alerts.contains(notificationType);
    }
}
