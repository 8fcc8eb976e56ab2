package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mastodon's documented entity shapes, from the OpenAPI 3.1 description of its API that lives beside the
 * project ({@code ../shared/reference/mastodon-openapi.json}; read where it is, never copied in): every
 * client API body a test sees is held against the entity it claims to be (required fields and their types,
 * nested entities included).
 *
 * <p>Where the description is, in this order: {@code -Dmastodon.openapi=FILE}, then {@code shared/reference/}
 * in the project folder's parent folders, then {@code /work/shared/reference/}.
 */
public final class MastodonEntities {
    private static final String FILE = "mastodon-openapi.json";
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    /** OpenAPI 3.1's schemas are JSON Schema 2020-12. */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private MastodonEntities() {}

    /** The description's file, if this machine has it. */
    public static Optional<Path> description() {
        String given = System.getProperty("mastodon.openapi");
        if (given != null) return Optional.of(Path.of(given)).filter(Files::isRegularFile);
        Stream<Path> parents = Stream.iterate(Path.of("").toAbsolutePath(), p -> p != null, Path::getParent);
        return Stream.concat(parents.map(p -> p.resolve("shared/reference/" + FILE)), Stream.of(Path.of("/work/shared/reference/" + FILE)))
                .filter(Files::isRegularFile).findFirst();
    }

    /** Fails the test with every deviation when {@code body} is not a valid {@code entity} (e.g. "Account", "Status"). */
    public static void assertShape(String entity, JsonNode body) {
        List<String> problems = problems(entity, body);
        if (!problems.isEmpty()) fail(entity + " does not have Mastodon's shape:\n  " + String.join("\n  ", problems) + "\nbody: " + body);
    }

    /** Each element of the array is a valid {@code entity}. */
    public static void assertShapes(String entity, JsonNode array) {
        if (!array.isArray()) fail("expected an array of " + entity + ", got " + array);
        for (JsonNode element : array) assertShape(entity, element);
    }

    /** The deviations of {@code body} from {@code entity}'s schema (empty when it conforms). */
    public static List<String> problems(String entity, JsonNode body) {
        return schema(entity).validate(body).stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).toList();
    }

    private static JsonSchema schema(String entity) {
        return SCHEMAS.computeIfAbsent(entity, name -> FACTORY.getSchema(SchemaLocation.of(
                location() + "#/components/schemas/" + name)));
    }

    private static String location() {
        return description().orElseThrow(() -> new AssertionError("Mastodon's OpenAPI description (" + FILE
                + ") is not on this machine; give it with -Dmastodon.openapi=FILE")).toUri().toString();
    }
}
