package de.allmende.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.ContentKind;
import de.allmende.federation.content.ContentContext;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.PublishedContent;
import de.allmende.testkit.SpecSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The open spec stays true to the node: each example in federation-spec/examples/content is exactly
 * what a node publishes for the fixture of its kind, fetched over HTTP; the schema of each kind
 * accepts that document and the example; context.jsonld is the @context the node emits.
 */
@DisplayName("federation-spec: examples, schemas and context of municipal content")
class ContentExamplesTest {
    private static final Path CONTEXT_FILE = Path.of("federation-spec", "context.jsonld");
    static PublishedContent published;

    @BeforeAll
    static void publish() {
        published = PublishedContent.publishAll();
    }

    @AfterAll
    static void stop() {
        published.close();
    }

    @ParameterizedTest
    @EnumSource(ContentKind.class)
    void exampleIsWhatTheNodePublishes(ContentKind kind) {
        GoldenJson.assertMatches(example(kind), published.body(kind));
    }

    @ParameterizedTest
    @EnumSource(ContentKind.class)
    void whatTheNodePublishesMatchesItsSchema(ContentKind kind) {
        assertEquals(java.util.List.of(), SpecSchemas.problems(kind, published.json(kind)));
    }

    @ParameterizedTest
    @EnumSource(ContentKind.class)
    void exampleMatchesItsSchema(ContentKind kind) {
        assertEquals(java.util.List.of(), SpecSchemas.problems(kind, GoldenJson.example(example(kind))));
    }

    @Test
    void contextFileIsTheContextTheNodeEmits() throws IOException {
        ObjectNode file = GoldenJson.JSON.createObjectNode().set("@context", ContentContext.terms());
        if (Boolean.getBoolean("golden.update")) Files.writeString(CONTEXT_FILE, GoldenJson.JSON.writeValueAsString(file) + "\n");
        JsonNode onDisk = GoldenJson.JSON.readTree(Files.readString(CONTEXT_FILE));
        assertEquals(file, onDisk, "federation-spec/context.jsonld must equal ContentContext.terms()");
        for (ContentKind kind : ContentKind.values()) {
            assertEquals(onDisk.get("@context"), published.json(kind).get("@context").get(2), kind + ": the inline context is context.jsonld's");
        }
    }

    static String example(ContentKind kind) {
        return "content/" + kind.code() + ".json";
    }
}
