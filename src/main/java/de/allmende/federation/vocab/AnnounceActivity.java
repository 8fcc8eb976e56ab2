package de.allmende.federation.vocab;

/** An Announce: a boost of {@code announced}, or a group relaying an activity embedded there (FEP-1b12). */
public record AnnounceActivity(InboundActivity activity, ObjectRef announced) implements ActivityView {
}
