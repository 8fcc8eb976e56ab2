package de.allmende.federation.vocab;

import java.net.URI;

/** A Delete of {@code deleted} (an object, or the actor itself: the account is gone). */
public record DeleteActivity(InboundActivity activity, URI deleted) implements ActivityView {
}
