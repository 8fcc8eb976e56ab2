package de.allmende.federation.vocab;

/** A Reject of a Follow: {@code rejected} names it by id, or embeds it (then its actor says whose). */
public record RejectActivity(InboundActivity activity, ObjectRef rejected) implements ActivityView {
}
