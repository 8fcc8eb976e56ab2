package de.allmende.federation.vocab;

/** An Update of {@code updated} (an object or the actor itself): embedded, or by reference to be fetched. */
public record UpdateActivity(InboundActivity activity, ObjectRef updated) implements ActivityView {
}
