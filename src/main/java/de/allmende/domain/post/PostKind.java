package de.allmende.domain.post;

/**
 * What a post is. Short posts and articles from any fediverse server, events (Mobilizon's and ours), and
 * the municipal content kinds of Allmende, which travel with their typed details.
 */
public enum PostKind {
    NOTE, ARTICLE, PAGE, QUESTION, EVENT, PROJECT, PROJECT_UPDATE, LESSON, WORKING_AID,
    /** A boost of another post (see {@link Boost}): no words of its own. */
    BOOST;

    /** True for the kinds that exist only between Allmende nodes (they carry municipal details). */
    public boolean isMunicipal() {
        return this == PROJECT || this == PROJECT_UPDATE || this == LESSON || this == WORKING_AID;
    }
}
