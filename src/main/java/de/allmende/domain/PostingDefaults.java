package de.allmende.domain;

import java.util.Optional;

/**
 * What apps preset for a municipality's new posts (Mastodon's {@code source[privacy|sensitive|language]}): the
 * visibility by its Mastodon name, whether media is marked sensitive, and the language (ISO 639-1) if one is set.
 */
public record PostingDefaults(String privacy, boolean sensitive, Optional<String> language) {
    public static final PostingDefaults STANDARD = new PostingDefaults("public", false, Optional.empty());
}
