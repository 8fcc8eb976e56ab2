package de.allmende.domain.post;

/**
 * Who may see a post: the four visibilities Mastodon offers, derived from the post's addressing where it
 * enters (see the federation converters). Ordered from widest to narrowest.
 */
public enum Visibility {
    /** Addressed to the public collection: in public timelines and on the profile. */
    PUBLIC("public"),
    /** The public collection only in {@code cc}: visible to all, but kept out of public timelines. */
    UNLISTED("unlisted"),
    /** Addressed to the author's followers, not the public. Mastodon calls it "private". */
    FOLLOWERS("private"),
    /** Addressed only to the people it names. */
    DIRECT("direct");

    private final String mastodonName;

    Visibility(String mastodonName) {
        this.mastodonName = mastodonName;
    }

    /** The value of {@code visibility} in Mastodon's client API. */
    public String mastodonName() {
        return mastodonName;
    }

    public boolean isPublic() {
        return this == PUBLIC || this == UNLISTED;
    }
}
