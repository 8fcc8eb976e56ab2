package de.allmende.domain;

/** One of the name/value pairs a profile shows (Mastodon's fields, ActivityPub's PropertyValue): plain text, as typed. */
public record ProfileField(String name, String value) {}
