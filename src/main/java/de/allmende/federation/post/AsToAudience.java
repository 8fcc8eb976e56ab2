package de.allmende.federation.post;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.post.Audience;

/** The addressing of an activity as a post's {@link Audience} (a boost is addressed as its Announce is). */
public final class AsToAudience {
    private AsToAudience() {}

    /** to and cc as addressed; every spelling of the public collection made one, what is no IRI left out. */
    public static Audience of(JsonNode activity) {
        return new Audience(AsToPost.addresses(activity.get("to")), AsToPost.addresses(activity.get("cc")));
    }
}
