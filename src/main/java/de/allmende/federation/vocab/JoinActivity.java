package de.allmende.federation.vocab;

import java.net.URI;

/** A Join of {@code event} (Mobilizon's RSVP). */
public record JoinActivity(InboundActivity activity, URI event) implements ActivityView {
}
