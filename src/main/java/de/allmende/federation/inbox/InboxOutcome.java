package de.allmende.federation.inbox;

/** What became of one queued activity; the worker records it (processed, rescheduled or failed). */
sealed interface InboxOutcome {
    /** Its handler applied it. */
    record Applied() implements InboxOutcome {}

    /** A type this node does not act on (Leave, Move …): done with, as if applied. */
    record Ignored(String type) implements InboxOutcome {}

    /** Trouble that may pass (a peer that could not be reached, our own database): tried again later. */
    record RetryLater(String reason) implements InboxOutcome {}

    /** It cannot be applied, now or later (malformed for its type, names nothing of ours to act on). */
    record Refused(String reason) implements InboxOutcome {}
}
