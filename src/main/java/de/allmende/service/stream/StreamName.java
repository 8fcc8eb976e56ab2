package de.allmende.service.stream;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of Mastodon's streams (docs.joinmastodon.org/methods/streaming): {@code user}, {@code user:notification},
 * {@code public} and its {@code :local}, {@code :remote} and {@code :media} kinds, {@code hashtag} and
 * {@code hashtag:local} with their tag, {@code list} with its id, {@code direct}.
 */
public record StreamName(Kind kind, Optional<String> param) {

    public enum Kind {
        USER("user"), USER_NOTIFICATION("user:notification"),
        PUBLIC("public"), PUBLIC_MEDIA("public:media"), PUBLIC_LOCAL("public:local"), PUBLIC_LOCAL_MEDIA("public:local:media"),
        PUBLIC_REMOTE("public:remote"), PUBLIC_REMOTE_MEDIA("public:remote:media"),
        HASHTAG("hashtag"), HASHTAG_LOCAL("hashtag:local"), LIST("list"), DIRECT("direct");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** Whether the stream needs a parameter: the tag of a hashtag stream, the id of a list. */
        boolean parameterised() {
            return this == HASHTAG || this == HASHTAG_LOCAL || this == LIST;
        }

        /** Notifications need {@code read:notifications}; all else {@code read:statuses} (Mastodon's streaming server). */
        public String scope() {
            return this == USER_NOTIFICATION ? "read:notifications" : "read:statuses";
        }

        static Optional<Kind> of(String wire) {
            for (Kind k : values()) if (k.wire.equals(wire)) return Optional.of(k);
            return Optional.empty();
        }
    }

    public static StreamName of(Kind kind) {
        return new StreamName(kind, Optional.empty());
    }

    /**
     * The stream a client names: {@code name} as Mastodon spells it, with {@code tag} for hashtag streams and
     * {@code list} for a list. Empty for an unknown name or a missing or overlong parameter.
     */
    public static Optional<StreamName> parse(String name, String tag, String list) {
        if (name == null) return Optional.empty();
        return Kind.of(name).flatMap(kind -> {
            if (!kind.parameterised()) return Optional.of(of(kind));
            String p = kind == Kind.LIST ? list : tag;
            if (p == null || p.isBlank() || p.length() > 200) return Optional.empty();
            String normal = kind == Kind.LIST ? p.strip() : p.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            return Optional.of(new StreamName(kind, Optional.of(normal)));
        });
    }

    /** The {@code stream} array of a WebSocket message: {@code ["hashtag", "tag"]}, {@code ["user"]}. */
    public List<String> wire() {
        return param.map(p -> List.of(kind.wire, p)).orElse(List.of(kind.wire));
    }
}
