package de.allmende.domain.event;

import java.net.URI;

/**
 * A poll of this node changed ({@code subject}: the Question's IRI, {@code actor}: its author). Its job runs later on
 * purpose (see {@code EventStore.recordDue}): votes are told in one Update(Question) a little after they came, as
 * Mastodon debounces them, and a poll's end is handled when it ends.
 */
public sealed interface PollEvent extends DomainEvent {
    /** Votes were counted; the new counts are to be told. */
    record PollVoted(URI actor, URI subject) implements PollEvent {}

    /** The poll ends now: closed, told, and its author notified. */
    record PollEnded(URI actor, URI subject) implements PollEvent {}
}
