package de.allmende.federation.vocab;

import java.net.URI;

/** A Follow of {@code followee}. */
public record FollowActivity(InboundActivity activity, URI followee) implements ActivityView {
}
