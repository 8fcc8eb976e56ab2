package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.event.NotificationCreated;
import de.allmende.domain.notification.NotificationType;
import de.allmende.domain.post.Post;
import de.allmende.service.client.NotificationReads;
import de.allmende.service.client.NotificationReads.NotificationView;
import de.allmende.service.push.PushPayloads;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The push payload Mastodon sends (its {@code Web::NotificationSerializer}): {@code access_token},
 * {@code preferred_locale}, {@code notification_id} (a number, as Mastodon's apps decode it), {@code notification_type},
 * {@code icon} (the actor's avatar), {@code title} and {@code body} (the status's content warning or text, else the
 * actor's profile text, at most 140 characters). Titles are German, the node's language, and so is the locale.
 */
final class PushPayloadJson implements PushPayloads {
    private static final String LOCALE = "de";
    private static final int BODY_LENGTH = 140;
    /**
     * Push services take about 4 KB of encrypted payload (and the library writes one record of at most 4 KB): a remote
     * actor's very long name is shortened, and its very long avatar URL left out.
     */
    private static final int NAME_LENGTH = 100;
    private static final int ICON_LENGTH = 1024;

    private final NotificationReads reads;
    private final AccountJson accounts;

    PushPayloadJson(NotificationReads reads, AccountJson accounts) {
        this.reads = reads;
        this.accounts = accounts;
    }

    @Override
    public Optional<byte[]> payload(NotificationCreated n, String accessToken) {
        return reads.find(new Viewer(n.accountId(), n.subject()), n.notificationId()).map(v -> json(v, accessToken));
    }

    private byte[] json(NotificationView n, String accessToken) {
        String name = truncated(n.account().displayName().isBlank() ? n.account().username() : n.account().displayName(), NAME_LENGTH);
        String icon = accounts.avatar(n.account()).toString();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("access_token", accessToken);
        o.put("preferred_locale", LOCALE);
        o.put("notification_id", n.id());
        o.put("notification_type", n.type().wire());
        o.put("icon", icon.length() <= ICON_LENGTH ? icon : "");
        o.put("title", title(n.type(), name));
        o.put("body", truncated(body(n), BODY_LENGTH));
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String title(NotificationType type, String name) {
        return switch (type) {
            case MENTION -> "Du wurdest von " + name + " erwähnt";
            case FAVOURITE -> name + " hat deinen Beitrag favorisiert";
            case REBLOG -> name + " hat deinen Beitrag geteilt";
            case FOLLOW -> name + " folgt dir jetzt";
            case FOLLOW_REQUEST -> "Neue Follower-Anfrage von " + name;
            case STATUS -> name + " hat gerade etwas gepostet";
            case UPDATE -> name + " hat einen Beitrag bearbeitet";
            case POLL -> "Eine Umfrage von " + name + " ist beendet";
        };
    }

    /** Mastodon's: the content warning, else the text of the status; the actor's profile text for a follow. */
    private static String body(NotificationView n) {
        if (n.status().isEmpty()) return text(n.account().noteHtml());
        Post p = n.status().get().post();
        return Stream.of(p.summary(), p.content(), p.name()).map(m -> m.preferred(LOCALE).map(PushPayloadJson::text).orElse(""))
                .filter(s -> !s.isBlank()).findFirst().orElse("");
    }

    private static String text(String html) {
        return StatusJson.plain(html.replaceAll("(?i)<br\\s*/?>|</p>\\s*<p>", " "));
    }

    private static String truncated(String text, int length) {
        return text.codePointCount(0, text.length()) <= length ? text : text.substring(0, text.offsetByCodePoints(0, length - 1)) + "…";
    }
}
