package de.allmende.federation.vocab;

/** An Accept of a Follow: {@code accepted} names it by id, or embeds it (then its actor says whose). */
public record AcceptActivity(InboundActivity activity, ObjectRef accepted) implements ActivityView {
}
