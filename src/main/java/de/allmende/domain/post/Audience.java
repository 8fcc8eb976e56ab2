package de.allmende.domain.post;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whom a post is addressed to, as the sender addressed it ({@code to} and {@code cc}: actors, followers
 * collections and the public collection, as IRIs). {@link Visibility} is derived from it once, where it enters.
 */
public record Audience(Set<URI> to, Set<URI> cc) {
    public static final URI PUBLIC = URI.create("https://www.w3.org/ns/activitystreams#Public");

    public Audience {
        to = Collections.unmodifiableSet(new LinkedHashSet<>(to));
        cc = Collections.unmodifiableSet(new LinkedHashSet<>(cc));
    }

    /**
     * How a post of {@code visibility} is addressed, as Mastodon addresses it: public → to the public, cc the
     * followers; unlisted → to the followers, cc the public; followers-only → to the followers; direct → to the
     * people mentioned. The people mentioned are in {@code cc} otherwise, so their servers deliver it to them.
     */
    public static Audience forVisibility(Visibility visibility, URI followers, java.util.List<URI> mentioned) {
        Set<URI> to = new LinkedHashSet<>();
        Set<URI> cc = new LinkedHashSet<>();
        switch (visibility) {
            case PUBLIC -> { to.add(PUBLIC); cc.add(followers); }
            case UNLISTED -> { to.add(followers); cc.add(PUBLIC); }
            case FOLLOWERS -> to.add(followers);
            case DIRECT -> to.addAll(mentioned);
        }
        if (visibility != Visibility.DIRECT) cc.addAll(mentioned);
        return new Audience(to, cc);
    }

    /** The visibility this addressing gives a post whose author's followers collection is {@code followers}. */
    public Visibility visibility(URI followers) {
        if (to.contains(PUBLIC)) return Visibility.PUBLIC;
        if (cc.contains(PUBLIC)) return Visibility.UNLISTED;
        if (followers != null && (to.contains(followers) || cc.contains(followers))) return Visibility.FOLLOWERS;
        return Visibility.DIRECT;
    }
}
