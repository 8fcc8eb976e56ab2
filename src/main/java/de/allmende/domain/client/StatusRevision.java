package de.allmende.domain.client;

import java.time.Instant;

/** One version of a status (Mastodon's StatusEdit, without its account): as published at {@code at}. */
public record StatusRevision(String html, String spoilerText, boolean sensitive, Instant at) {}
