package de.allmende.service.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.danielnaber.jwordsplitter.GermanWordSplitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * German compound words and their parts, by jwordsplitter's dictionary: "Bürgerhaushalt" → Bürger, haushalt;
 * "Jugendbeteiligungsprojekt" → Jugend, beteiligungs, projekt (the linking s stays; the German stemmer removes it).
 * Strict mode: a word is split only where every part is a known word, so "Steuer" stays whole.
 */
final class GermanCompounds {
    /** Words shorter than this are not compounds worth splitting (and splitting them mostly goes wrong). */
    private static final int SHORTEST = 6;
    /** Loaded once per process (about 0.3 s, a few MB); the splitter is not documented as thread-safe. */
    private static final GermanWordSplitter SPLITTER = load();

    /** Splits are looked up again and again (every page of hits splits its words to mark them): kept a while. */
    private static final Cache<String, List<String>> KNOWN = Caffeine.newBuilder().maximumSize(100_000).build();

    private GermanCompounds() {}

    private static GermanWordSplitter load() {
        try {
            GermanWordSplitter s = new GermanWordSplitter(false);
            s.setStrictMode(true);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("jwordsplitter's dictionary is missing", e);
        }
    }

    /**
     * The parts of {@code word}, or an empty list if it is no compound the dictionary knows. A word written without
     * umlauts or ß ("Buergerhaushalt", "Strassenbeleuchtung") is tried again with them.
     */
    static List<String> parts(String word) {
        if (word.length() < SHORTEST || !Character.isLetter(word.charAt(0))) return List.of();
        List<String> parts = split(word);
        if (parts.size() > 1) return parts;
        String withUmlauts = word.replace("ue", "ü").replace("ae", "ä").replace("oe", "ö").replace("ss", "ß");
        if (withUmlauts.equals(word)) return List.of();
        parts = split(withUmlauts);
        return parts.size() > 1 ? parts : List.of();
    }

    private static List<String> split(String word) {
        return KNOWN.get(word, w -> {
            synchronized (SPLITTER) {
                return List.copyOf(SPLITTER.splitWord(w));
            }
        });
    }
}
