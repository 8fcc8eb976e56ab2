package de.allmende.service.search;

import de.allmende.store.SearchDocumentStore.Lexemes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code tsquery} of a search's words. Each word matches in any configuration — its German, English or plain
 * form — so one query finds German and English posts alike; a German compound matches also where its parts
 * stand apart ("Jugendbeteiligung" finds "Beteiligung der Jugend"). A word that is a stop word in German or English
 * ("die", "the", "und") asks nothing and is left out. All words must match; for highlighting, any does.
 */
final class TsQueries {
    /** The query as PostgreSQL takes it ({@code ::tsquery}): every term, and any term; empty if no word asks anything. */
    record Built(Optional<String> all, Optional<String> any) {}

    private TsQueries() {}

    /** @param lexemes the lexemes of every word and part of {@code terms}, in the order {@link #words} lists them */
    static Built build(List<SearchText.Term> terms, List<Lexemes> lexemes) {
        List<String> clauses = new ArrayList<>();
        int i = 0;
        for (SearchText.Term t : terms) {
            Optional<String> whole = alternatives(lexemes.get(i++));
            List<String> parts = new ArrayList<>();
            for (int p = 0; p < t.parts().size(); p++) alternatives(lexemes.get(i++)).ifPresent(parts::add);
            Optional<String> joined = parts.isEmpty() ? Optional.empty() : Optional.of("(" + String.join(" & ", parts) + ")");
            if (whole.isPresent() && joined.isPresent()) clauses.add("(" + whole.get() + " | " + joined.get() + ")");
            else whole.or(() -> joined).ifPresent(clauses::add);
        }
        if (clauses.isEmpty()) return new Built(Optional.empty(), Optional.empty());
        return new Built(Optional.of(String.join(" & ", clauses)), Optional.of(String.join(" | ", clauses)));
    }

    /** Every word and part of the terms, in order: each term's word, then its parts. */
    static List<String> words(List<SearchText.Term> terms) {
        List<String> out = new ArrayList<>();
        for (SearchText.Term t : terms) {
            out.add(t.word());
            out.addAll(t.parts());
        }
        return out;
    }

    private static Optional<String> alternatives(Lexemes l) {
        if (l.german().isEmpty() || l.english().isEmpty()) return Optional.empty(); // a stop word
        Set<String> all = new LinkedHashSet<>();
        all.addAll(l.german());
        all.addAll(l.english());
        all.addAll(l.simple());
        List<String> quoted = all.stream().map(TsQueries::quote).toList();
        return Optional.of(quoted.size() == 1 ? quoted.getFirst() : "(" + String.join(" | ", quoted) + ")");
    }

    private static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
