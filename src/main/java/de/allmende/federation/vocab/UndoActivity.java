package de.allmende.federation.vocab;

/** An Undo of an earlier activity, named by id or embedded (Mastodon embeds it, Lemmy with a fresh id). */
public record UndoActivity(InboundActivity activity, ObjectRef undone) implements ActivityView {
}
