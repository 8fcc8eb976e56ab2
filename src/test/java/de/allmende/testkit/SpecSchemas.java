package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import de.allmende.content.ContentKind;

import java.nio.file.Path;
import java.util.List;

/**
 * The JSON Schemas (draft 2020-12) in federation-spec/schemas, loaded from the files under their
 * published ids, with formats (date-time, uri, email …) asserted rather than only annotated.
 */
public final class SpecSchemas {
    public static final String BASE = "https://w3id.org/allmende/schemas/";
    private static final Path DIR = Path.of("federation-spec", "schemas");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, DIR.toAbsolutePath().toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private SpecSchemas() {}

    public static JsonSchema of(ContentKind kind) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + kind.code() + ".schema.json"), CONFIG);
    }

    /** The schema's complaints about the document, one line each; empty if it is valid. */
    public static List<String> problems(ContentKind kind, JsonNode document) {
        return of(kind).validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
