package de.allmende.api.staff;

import com.fasterxml.jackson.databind.JsonNode;
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
import de.allmende.domain.FileType;
import de.allmende.testkit.OpenApiContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("The OpenAPI document's vocabularies are the code's, and the contract check is strict")
class OpenApiDocumentTest {
    private final JsonNode doc = OpenApiDocument.load();
    private final OpenApiContract contract = new OpenApiContract(doc);

    @Test
    void enumsListExactlyTheControlledVocabularies() {
        String s = "/components/schemas/";
        assertEnum(s + "FieldOfAction/enum", Handlungsfeld.class);
        assertEnum(s + "Openness/items/enum", Offenheit.class);
        assertEnum(s + "ProjectStatus/enum", ProjectStatus.class);
        assertEnum(s + "EventFields/properties/status/enum", EventStatus.class);
        assertEnum(s + "EventFields/properties/joinMode/enum", JoinMode.class);
        assertEnum(s + "EventFields/properties/category/enum", EventCategory.class);
        assertEnum(s + "LessonFields/properties/lessonType/enum", LessonType.class);
        assertEnum(s + "LessonFields/properties/transferability/properties/level/enum", TransferLevel.class);
        assertEnum(s + "LessonFields/properties/transferability/properties/sizeClasses/items/enum", SizeClass.class);
        assertEnum(s + "WorkingAidFields/properties/aidKind/enum", AidKind.class);
        assertEnum(s + "WorkingAidFields/properties/licence/enum", Licence.class);
        assertEquals(Arrays.stream(FileType.values()).map(FileType::mediaType).toList(), strings(s + "Media/properties/mediaType/enum"));
    }

    @Test
    void responsesThatBreakTheDocumentAreCaught() {
        String media = """
                {"id":"0b9c2f7e-3f43-4c1c-9d55-2f2f1b3f9a10","type":"image","mediaType":"image/png","url":"https://x.example/media/1",
                 "fileName":"a.png","size":3,"sha256":"%s","description":null,"created":"2026-03-01T10:00:00Z"%s}""";
        String hash = "ab".repeat(32);
        contract.check("GET", "/media/{id}", response(200, media.formatted(hash, "")));
        assertThrows(AssertionError.class, () -> contract.check("GET", "/media/{id}", response(200, media.formatted(hash, ",\"extra\":1"))));
        assertThrows(AssertionError.class, () -> contract.check("GET", "/media/{id}", response(200, media.formatted("xyz", ""))));
        assertThrows(AssertionError.class, () -> contract.check("GET", "/media/{id}", response(418, "{\"error\":\"teapot\"}")));
        assertThrows(AssertionError.class, () -> contract.check("GET", "/projects", response(200, "{\"items\":[{\"id\":\"x\"}],\"next\":null}")));
        // 401 must carry its challenge.
        assertThrows(AssertionError.class, () -> contract.check("GET", "/projects", response(401, "{\"error\":\"invalid_token\"}")));
    }

    private <E extends Enum<E> & Vocabulary> void assertEnum(String pointer, Class<E> vocabulary) {
        assertEquals(Arrays.stream(vocabulary.getEnumConstants()).map(Vocabulary::code).toList(), strings(pointer), pointer);
    }

    private List<String> strings(String pointer) {
        List<String> out = new ArrayList<>();
        doc.at(pointer).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static HttpResponse<String> response(int status, String json) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("application/json; charset=utf-8")), (a, b) -> true);
        return new HttpResponse<>() {
            @Override public int statusCode() { return status; }
            @Override public HttpRequest request() { return null; }
            @Override public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            @Override public HttpHeaders headers() { return headers; }
            @Override public String body() { return json; }
            @Override public Optional<SSLSession> sslSession() { return Optional.empty(); }
            @Override public URI uri() { return URI.create("http://127.0.0.1/"); }
            @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
