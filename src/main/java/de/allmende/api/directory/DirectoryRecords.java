package de.allmende.api.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.Responses;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.SizeClass;
import de.allmende.domain.Land;
import de.allmende.domain.MunicipalityType;
import de.allmende.content.directory.DirectoryEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory entry as data: a JSON object (absent facts are null, so every object has every key) and a CSV row
 * (RFC 4180: CRLF, quoted where needed, a header row; empty cells for absent facts; one column per field of action).
 */
final class DirectoryRecords {
    static final String CSV_TYPE = "text/csv; charset=utf-8; header=present";
    /** The CSV's columns before the fields of action; those follow as {@code posts_<code>}. */
    static final List<String> COLUMNS = List.of("name", "handle", "iri", "ags", "ars", "land", "land_name", "type", "population",
            "size_class", "host", "software", "followers", "last_activity", "empfohlen");

    private DirectoryRecords() {}

    static ObjectNode json(DirectoryEntry e) {
        ObjectNode o = Responses.JSON.createObjectNode();
        o.put("name", e.name()).put("handle", e.acct()).put("iri", e.iri().toString());
        o.put("ags", e.ags().orElse(null)).put("ars", e.ars().orElse(null));
        o.put("land", e.land().map(Land::iso).orElse(null)).put("landName", e.land().map(Land::label).orElse(null));
        o.put("type", e.type().map(MunicipalityType::slug).orElse(null)).put("population", e.population().orElse(null));
        o.put("sizeClass", e.sizeClass().map(SizeClass::code).orElse(null));
        o.putObject("node").put("host", e.host()).put("software", e.software().orElse(null));
        if (e.followers().isPresent()) o.put("followers", e.followers().getAsLong());
        else o.putNull("followers");
        o.put("lastActivity", e.lastActivity().map(Object::toString).orElse(null));
        o.put("empfohlen", e.recommended());
        ObjectNode fields = o.putObject("postsByFieldOfAction");
        for (Handlungsfeld h : Handlungsfeld.values()) if (e.fields().containsKey(h)) fields.put(h.code(), e.fields().get(h));
        return o;
    }

    static String csv(List<DirectoryEntry> entries) {
        List<String> header = new ArrayList<>(COLUMNS);
        for (Handlungsfeld h : Handlungsfeld.values()) header.add("posts_" + h.code());
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (DirectoryEntry e : entries) printer.printRecord(row(e));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringBuilder does not fail
        }
        return out.toString();
    }

    private static List<Object> row(DirectoryEntry e) {
        List<Object> row = new ArrayList<>(Stream.of(Optional.of(e.name()), Optional.of(e.acct()), Optional.of(e.iri().toString()),
                e.ags(), e.ars(), e.land().map(Land::iso), e.land().map(Land::label), e.type().map(MunicipalityType::slug),
                e.population().map(String::valueOf), e.sizeClass().map(SizeClass::code), Optional.of(e.host()), e.software(),
                e.followers().isPresent() ? Optional.of(String.valueOf(e.followers().getAsLong())) : Optional.<String>empty(),
                e.lastActivity().map(Object::toString), Optional.of(String.valueOf(e.recommended())))
                .map(v -> (Object) v.orElse("")).toList());
        for (Handlungsfeld h : Handlungsfeld.values()) row.add(e.fields().getOrDefault(h, 0L));
        return row;
    }
}
