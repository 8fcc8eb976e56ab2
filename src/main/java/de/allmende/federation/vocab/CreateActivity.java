package de.allmende.federation.vocab;

/** A Create of {@code created}: embedded, or by reference to be fetched. */
public record CreateActivity(InboundActivity activity, ObjectRef created) implements ActivityView {
}
