package de.allmende.domain.client;

import java.util.Optional;

/**
 * The words of a status as an app sends them, new or edited: plain text, a content warning (empty for none),
 * whether it is sensitive, its language (ISO 639-1; empty: the municipality's German).
 */
public record StatusText(String text, String spoilerText, boolean sensitive, Optional<String> language) {}
