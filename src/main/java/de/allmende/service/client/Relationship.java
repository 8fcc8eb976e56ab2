package de.allmende.service.client;

/** How the viewer and another account stand (Mastodon's Relationship, as far as this node keeps it). */
public record Relationship(long accountId, boolean following, boolean requested, boolean followedBy, boolean requestedBy) {}
