package de.allmende.domain.client;

/** What a person typed for a status (Mastodon's StatusSource): the plain text and the content warning. */
public record StatusSource(long id, String text, String spoilerText) {}
