package de.allmende.service.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How words are prepared for PostgreSQL full text, alike for what is indexed and what is asked (see V22): lower-cased,
 * umlauts and ß written out, other accents dropped, and German compounds followed by their parts. Writing umlauts
 * out makes "Straße" meet "Strasse" and "Bürger" meet "Buerger", and keeps PostgreSQL's parser and stemmer on ASCII,
 * where they behave alike under every database locale (under the C locale PostgreSQL does not lower-case "Ö").
 */
public final class SearchText {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {}

    /** Lower case, ä → ae, ö → oe, ü → ue, ß → ss, other letters without their accents (é → e). */
    public static String fold(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The words of a text, as written: runs of letters and digits. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : NOT_WORD.split(text)) if (!w.isEmpty()) out.add(w);
        return out;
    }

    /**
     * The text as it is indexed: folded, then (for German) the folded parts of each compound in it, so that
     * "Haushalt" finds "Bürgerhaushalt". Punctuation stays, so PostgreSQL's parser sees "E-Government" as it is.
     */
    public static String indexed(String text, boolean german) {
        if (text == null || text.isBlank()) return "";
        StringBuilder out = new StringBuilder(fold(text));
        if (german) {
            Set<String> seen = new LinkedHashSet<>();
            for (String w : words(text)) {
                if (!seen.add(w)) continue;
                for (String part : GermanCompounds.parts(w)) out.append(' ').append(fold(part));
            }
        }
        return out.toString();
    }

    /** One word of a query: folded, and the folded parts if it is a German compound. */
    public record Term(String word, List<String> parts) {
        public Term {
            parts = List.copyOf(parts);
        }
    }

    /** The words of a query, each with its parts; at most {@code max} of them. */
    public static List<Term> terms(String query, int max) {
        List<Term> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String w : words(query)) {
            String folded = fold(w);
            if (!seen.add(folded) || out.size() == max) continue;
            out.add(new Term(folded, GermanCompounds.parts(w).stream().map(SearchText::fold).toList()));
        }
        return out;
    }
}
