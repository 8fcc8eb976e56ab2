package de.allmende.federation.vocab;

/** A Like (favourite; Misskey sends its reactions so too) of {@code liked}. */
public record LikeActivity(InboundActivity activity, ObjectRef liked) implements ActivityView {
}
