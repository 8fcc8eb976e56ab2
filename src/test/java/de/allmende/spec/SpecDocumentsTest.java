package de.allmende.spec;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.ContentKind;
import de.allmende.content.vocab.AidKind;
import de.allmende.content.vocab.EventCategory;
import de.allmende.content.vocab.EventStatus;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.JoinMode;
import de.allmende.content.vocab.LessonType;
import de.allmende.content.vocab.Licence;
import de.allmende.content.vocab.Offenheit;
import de.allmende.content.vocab.ProjectStatus;
import de.allmende.content.vocab.SizeClass;
import de.allmende.content.vocab.TransferLevel;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.federation.content.ContentContext;
import de.allmende.testkit.GoldenJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prose of the spec names everything the code sends: every term, every code with its label, every field. */
class SpecDocumentsTest {
    private static final Path SPEC = Path.of("federation-spec");

    @Test
    void federationMdListsEveryCodeWithItsGermanLabel() throws IOException {
        String md = Files.readString(SPEC.resolve("FEDERATION.md"));
        List<String> missing = new ArrayList<>();
        for (Class<? extends Vocabulary> v : List.of(Handlungsfeld.class, Offenheit.class, ProjectStatus.class, EventStatus.class,
                JoinMode.class, EventCategory.class, LessonType.class, TransferLevel.class, SizeClass.class, AidKind.class, Licence.class)) {
            for (Vocabulary value : v.getEnumConstants()) {
                String row = "| `" + value.code() + "` | " + value.label() + " |";
                if (!md.contains(row)) missing.add(v.getSimpleName() + " " + row);
            }
        }
        for (Handlungsfeld h : Handlungsfeld.values()) {
            if (!md.contains("| " + h.label() + " | `#" + h.hashtag() + "` |")) missing.add("hashtag of " + h.code());
        }
        for (EventStatus s : EventStatus.values()) {
            if (!md.contains("| " + s.label() + " | `" + s.schemaOrg() + "` | `" + s.ical() + "` |")) missing.add("wire form of " + s.code());
        }
        for (Licence l : Licence.values()) {
            if (!md.contains("| " + l.label() + " | `" + l.uri() + "` |")) missing.add("URI of " + l.code());
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void federationMdExplainsEveryTermOfTheContext() throws IOException {
        String md = Files.readString(SPEC.resolve("FEDERATION.md"));
        Set<String> missing = new TreeSet<>();
        ContentContext.terms().fieldNames().forEachRemaining(term -> {
            if (!md.contains("`" + term + "`")) missing.add(term);
        });
        assertEquals(Set.of(), missing);
    }

    @ParameterizedTest
    @EnumSource(ContentKind.class)
    void typePageHasARowForEveryPropertyItsSchemaAllows(ContentKind kind) throws IOException {
        String page = Files.readString(SPEC.resolve("types").resolve(kind.code() + ".md"));
        assertTrue(page.contains("(../examples/content/" + kind.code() + ".json)"), "links its example");
        assertTrue(page.contains("(../schemas/" + kind.code() + ".schema.json)"), "links its schema");
        assertTrue(Files.readString(SPEC.resolve("FEDERATION.md")).contains("(types/" + kind.code() + ".md)"), "FEDERATION.md links it");
        Set<String> properties = new TreeSet<>();
        schema("common").at("/$defs/object/properties").fieldNames().forEachRemaining(properties::add);
        schema(kind.code()).get("properties").fieldNames().forEachRemaining(properties::add);
        if (kind == ContentKind.UPDATE) properties.removeAll(Set.of("summary", "summaryMap")); // forbidden by its schema
        Set<String> missing = new TreeSet<>();
        for (String p : properties) if (!page.contains("| `" + p + "` |")) missing.add(p);
        assertEquals(Set.of(), missing, kind + " page");
    }

    private static JsonNode schema(String name) throws IOException {
        return GoldenJson.JSON.readTree(Files.readString(SPEC.resolve("schemas").resolve(name + ".schema.json")));
    }
}
