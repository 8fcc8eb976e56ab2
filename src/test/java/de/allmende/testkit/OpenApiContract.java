package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The staff API's OpenAPI document as a test oracle: each response a test receives must have a
 * documented status, content type and headers, and its JSON body must validate against the documented
 * schema (JSON Schema 2020-12 with the OpenAPI 3.1 dialect, formats asserted).
 */
public final class OpenApiContract {
    private static final String DOC_URI = "https://allmende.test/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final JsonNode doc;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    public OpenApiContract(JsonNode doc) {
        this.doc = doc;
        String json = doc.toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(l -> l.schemas(Map.of(DOC_URI, json))));
    }

    /** The document a node serves. */
    public static OpenApiContract of(TestNode node) {
        var r = node.get("/api/allmende/v1/openapi.json", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        try {
            return new OpenApiContract(GoldenJson.JSON.readTree(r.body()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    public JsonNode document() {
        return doc;
    }

    /** Every documented operation as {@code "GET /media/{id}"}, paths relative to the server URL. */
    public Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) ops.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
            });
        }
        return ops;
    }

    /** Fails unless the response is one the document promises for this operation. */
    public void check(String method, String pathTemplate, HttpResponse<String> r) {
        String opPointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode op = doc.at(opPointer);
        if (op.isMissingNode()) fail("undocumented operation " + method + " " + pathTemplate);
        String pointer = opPointer + "/responses/" + r.statusCode();
        if (doc.at(pointer).isMissingNode()) pointer = opPointer + "/responses/default";
        if (doc.at(pointer).isMissingNode()) fail("undocumented status " + r.statusCode() + " for " + method + " " + pathTemplate + ": " + r.body());
        pointer = deref(pointer);
        JsonNode response = doc.at(pointer);
        for (Iterator<Map.Entry<String, JsonNode>> headers = response.path("headers").fields(); headers.hasNext(); ) {
            var h = headers.next();
            boolean required = doc.at(deref(pointer + "/headers/" + escape(h.getKey()))).path("required").asBoolean(false);
            if (required) assertTrue(r.headers().firstValue(h.getKey()).isPresent(), "required header " + h.getKey() + " missing on " + r.statusCode());
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            assertTrue(r.body().isEmpty(), "no body documented for " + r.statusCode() + ", got " + r.body());
            return;
        }
        String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        assertTrue(content.has(type), "undocumented content type " + type + " for " + r.statusCode());
        if (!type.endsWith("json")) return;
        JsonSchema schema = factory.getSchema(SchemaLocation.of(DOC_URI + "#" + pointer + "/content/" + escape(type) + "/schema"), config);
        Set<ValidationMessage> errors = schema.validate(r.body(), InputFormat.JSON);
        assertFalse(!errors.isEmpty(), method + " " + pathTemplate + " → " + r.statusCode() + " does not match the document: "
                + errors + "\n" + r.body());
    }

    private String deref(String pointer) {
        JsonNode node = doc.at(pointer);
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#")) fail("only local $refs: " + ref);
            pointer = ref.substring(1);
            node = doc.at(pointer);
        }
        return pointer;
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
