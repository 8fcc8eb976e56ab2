package de.allmende.service;

import de.allmende.domain.RawJson;

import java.net.URI;

/**
 * A verified activity from a peer, as the use case it brings a change to keeps it — in the change's transaction, so
 * the two commit together or not at all: its id makes a redelivery a no-op, its document is what our answers embed.
 *
 * @param object   what it is about (the object created, liked, followed…)
 * @param isPublic whether it shows as public (a Like or Announce as addressed; a Follow or Delete never)
 */
public record ReceivedActivity(URI id, String type, URI actor, URI object, boolean isPublic, RawJson json) {}
