package de.allmende.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import de.allmende.testkit.ContentFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad staff input is rejected field by field, with a message naming the field and what is expected. */
class ContentValidationTest {
    private static final URI PROJECT = URI.create("https://musterstadt.example/objects/1");

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad(ContentKind.PROJECT, "title", "is required", o -> o.remove("title")),
                bad(ContentKind.PROJECT, "title", "must be an object", o -> o.put("title", "Offener Haushalt")),
                bad(ContentKind.PROJECT, "title.de", "must not be empty", o -> o.putObject("title").put("de", " ")),
                bad(ContentKind.PROJECT, "summary.de", "at most 500", o -> o.putObject("summary").put("de", "x".repeat(501))),
                bad(ContentKind.PROJECT, "status.value", "'fertig' is not one of geplant", o -> o.putObject("status").put("value", "fertig").put("asOf", "2026-01-01")),
                bad(ContentKind.PROJECT, "status.asOf", "must be a date", o -> o.putObject("status").put("value", "laufend").put("asOf", "2026-02-30")),
                bad(ContentKind.PROJECT, "fieldsOfAction", "'bürgernähe' is not one of", o -> o.putArray("fieldsOfAction").add("bürgernähe")),
                bad(ContentKind.PROJECT, "fieldsOfAction", "must not be empty", o -> o.putArray("fieldsOfAction")),
                bad(ContentKind.PROJECT, "fieldsOfAction", "listed twice", o -> o.putArray("fieldsOfAction").add("open-data").add("open-data")),
                bad(ContentKind.PROJECT, "partners.ags", "8-digit", o -> o.putArray("partners").addObject().put("name", "X").put("ags", "123")),
                bad(ContentKind.PROJECT, "partners.ags", "no Land key", o -> o.putArray("partners").addObject().put("name", "X").put("ags", "17000000")),
                bad(ContentKind.PROJECT, "councilDocuments", "not an absolute http(s) URL", o -> o.putArray("councilDocuments").add("javascript:alert(1)")),
                bad(ContentKind.PROJECT, "contacts.email", "not an e-mail address", o -> o.putArray("contacts").addObject().put("name", "A").put("email", "nope")),
                bad(ContentKind.PROJECT, "endDate", "must not be before startDate", o -> o.put("endDate", "2024-01-01")),
                bad(ContentKind.PROJECT, "colour", "unknown field", o -> o.put("colour", "blau")),
                bad(ContentKind.PROJECT, "tags", "not a hashtag", o -> o.putArray("tags").add("two words")),
                bad(ContentKind.PROJECT, "images", "media ids", o -> o.putArray("images").add("not-a-uuid")),
                bad(ContentKind.PROJECT, "images", "no uploaded file", o -> o.putArray("images").add("0c7f6a52-1111-4d4e-9c1e-2a3b4c5d6e7f")),
                bad(ContentKind.EVENT, "end", "must be after start", o -> o.put("end", "2026-03-03T17:00")),
                bad(ContentKind.EVENT, "start", "must be a local date and time", o -> o.put("start", "3.3.2026 18 Uhr")),
                bad(ContentKind.EVENT, "start", "daylight-saving gap", o -> o.put("start", "2026-03-29T02:30").put("end", "2026-03-29T04:00")),
                bad(ContentKind.EVENT, "timeZone", "IANA time zone", o -> o.put("timeZone", "MEZ")),
                bad(ContentKind.EVENT, "place.latitude", "between -90.0 and 90.0", o -> ((ObjectNode) o.get("place")).put("latitude", 91.0)),
                bad(ContentKind.EVENT, "place.country", "ISO 3166", o -> ((ObjectNode) o.get("place")).put("country", "Deutschland")),
                bad(ContentKind.EVENT, "registrationUrl", "required when joinMode is external", o -> o.remove("registrationUrl")),
                bad(ContentKind.EVENT, "place", "needs a place or an onlineUrl", o -> { o.remove("place"); o.remove("onlineUrl"); }),
                bad(ContentKind.EVENT, "category", "is not one of MEETING", o -> o.put("category", "PARTY")),
                bad(ContentKind.LESSON, "sections.recommendation", "is required", o -> ((ObjectNode) o.get("sections")).remove("recommendation")),
                bad(ContentKind.LESSON, "transferability.sizeClasses", "is not one of", o -> ((ObjectNode) o.get("transferability")).putArray("sizeClasses").add("metropole")),
                bad(ContentKind.LESSON, "effort.personDays", "must be a number", o -> ((ObjectNode) o.get("effort")).put("personDays", "zwölf")),
                bad(ContentKind.UPDATE, "summary", "content warning", o -> o.putObject("summary").put("de", "CW")),
                bad(ContentKind.UPDATE, "project", "is required", o -> o.remove("project")),
                bad(ContentKind.AID, "licence", "is not one of DL-DE-BY-2.0", o -> o.put("licence", "proprietär")),
                bad(ContentKind.AID, "files", "must not be empty", o -> o.putArray("files")));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("badInputs")
    void badInputIsRejectedWithAFieldMessage(ContentKind kind, String field, String message, Consumer<ObjectNode> spoil) {
        ObjectNode input = fixture(kind);
        spoil.accept(input);
        ValidationException e = assertThrows(ValidationException.class, () -> ContentInput.parse(kind, input, id -> java.util.Optional.empty()));
        List<FieldError> errors = e.errors();
        assertTrue(errors.stream().anyMatch(fe -> fe.field().equals(field) && fe.message().contains(message)),
                "expected " + field + ": …" + message + "…, got " + errors);
    }

    /** The minimal event in the README is valid: summary, place, status, join mode and category are optional. */
    @org.junit.jupiter.api.Test
    void theReadmeExampleIsAValidEvent() {
        ObjectNode minimal = ContentFixtures.json("""
                {"title":{"de":"Werkstatt Bürgerhaushalt"},"fieldsOfAction":["partizipation"],
                 "start":"2026-03-03T18:00","end":"2026-03-03T20:30","onlineUrl":"https://meet.example/bh"}""");
        Event e = (Event) ContentInput.parse(ContentKind.EVENT, minimal, MediaLookup.NONE);
        org.junit.jupiter.api.Assertions.assertEquals("Europe/Berlin", e.timeZone().getId());
    }

    private static ObjectNode fixture(ContentKind kind) {
        return switch (kind) {
            case PROJECT -> ContentFixtures.offenerHaushalt();
            case UPDATE -> ContentFixtures.haushaltUpdate(PROJECT);
            case EVENT -> ContentFixtures.werkstatt(PROJECT);
            case LESSON -> ContentFixtures.ratFruehEinbinden(PROJECT);
            case AID -> ContentFixtures.musterbeschluss("0c7f6a52-1111-4d4e-9c1e-2a3b4c5d6e7f");
        };
    }

    private static Arguments bad(ContentKind kind, String field, String message, Consumer<ObjectNode> spoil) {
        return Arguments.of(kind, field, message, spoil);
    }
}
