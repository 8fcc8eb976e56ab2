package de.allmende.content.vocab;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A controlled vocabulary value: a stable code used on the wire and in the API, and a German label
 * for pages and feeds. Codes never change once published; labels may.
 */
public interface Vocabulary {
    String code();

    String label();

    static <E extends Enum<E> & Vocabulary> Optional<E> parse(Class<E> type, String code) {
        if (code == null) return Optional.empty();
        for (E e : type.getEnumConstants()) if (e.code().equals(code)) return Optional.of(e);
        return Optional.empty();
    }

    /** "one of a, b, c" — for validation messages. */
    static <E extends Enum<E> & Vocabulary> String allowed(Class<E> type) {
        return "one of " + Arrays.stream(type.getEnumConstants()).map(Vocabulary::code).collect(Collectors.joining(", "));
    }
}
