package de.allmende.api.search;

import de.allmende.domain.search.ExportItem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * A search export as CSV (RFC 4180, header row, CRLF): one row per hit, whether a coordinator here recommends it
 * ({@code empfohlen}: true/false), provenance in the last four columns. Fields of action are joined by {@code ;}.
 */
final class SearchCsv {
    static final List<String> HEADER = List.of("title", "kind", "iri", "url", "municipality", "municipality_name", "author", "land",
            "ags", "fields", "published", "language", "empfohlen", "origin_host", "via", "proof_status", "fetched_at");

    private SearchCsv() {}

    static String write(List<ExportItem> items) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get().print(out)) {
            for (ExportItem i : items) {
                csv.printRecord(text(i.title()), i.kind().code(), i.iri(), i.url(), i.municipality(), text(i.municipalityName()), i.author(),
                        i.land().orElse(""), i.ags().orElse(""), String.join(";", i.fields()), i.published(), i.language(),
                        i.recommended(), i.provenance().originHost(), i.provenance().via(), i.provenance().proofStatus().orElse(""),
                        i.provenance().fetchedAt().map(Instant::toString).orElse(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Texts come from other nodes too; one that starts like a formula would run as one when a spreadsheet opens the
     * file (CSV injection), so it is kept as text with a leading apostrophe, as OWASP advises.
     */
    private static String text(String v) {
        return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }
}
