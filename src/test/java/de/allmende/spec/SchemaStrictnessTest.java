package de.allmende.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.SpecSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The schemas are not vacuous: a spec example broken in one way each is refused, and every enum in a
 * schema is exactly the code's controlled vocabulary.
 */
class SchemaStrictnessTest {

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                broken(ContentKind.PROJECT, "unknown project status", o -> o.put("projectStatus", "fertig")),
                broken(ContentKind.PROJECT, "German date", o -> o.put("statusAsOf", "01.03.2026")),
                broken(ContentKind.PROJECT, "no summary", o -> o.remove("summary")),
                broken(ContentKind.PROJECT, "field of action that does not exist", o -> o.putArray("fieldOfAction").add("verkehr")),
                broken(ContentKind.PROJECT, "an English-only name map", o -> o.putObject("nameMap").put("en", "Open Budget")),
                broken(ContentKind.PROJECT, "a property no Allmende node sends", o -> o.put("budgetEuro", 1000)),
                broken(ContentKind.PROJECT, "followers-only addressing", o -> o.putArray("to").add(o.get("cc").get(0).asText())),
                broken(ContentKind.PROJECT, "no proof", o -> o.remove("proof")),
                broken(ContentKind.PROJECT, "an e-mail that is none", o -> ((ObjectNode) o.get("contactPoints").get(0)).put("email", "opengov")),
                broken(ContentKind.UPDATE, "a summary (Mastodon would make it a content warning)", o -> o.put("summary", "Neu")),
                broken(ContentKind.UPDATE, "a new status without its date", o -> o.remove("statusAsOf")),
                broken(ContentKind.UPDATE, "not a Note", o -> o.put("type", "Article")),
                broken(ContentKind.EVENT, "no start", o -> o.remove("startTime")),
                broken(ContentKind.EVENT, "a start without offset", o -> o.put("startTime", "2026-03-03T18:00:00")),
                broken(ContentKind.EVENT, "eventStatus and iCalendar status disagree", o -> o.put("status", "CANCELLED")),
                broken(ContentKind.EVENT, "external join without a URL", o -> o.remove("externalParticipationUrl")),
                broken(ContentKind.EVENT, "a category outside the vocabulary", o -> o.put("category", "PARTY")),
                broken(ContentKind.EVENT, "no organizers (FEP-8a8e requires them)", o -> o.remove("organizers")),
                broken(ContentKind.EVENT, "a location as text", o -> o.put("location", "Rathaus")),
                broken(ContentKind.EVENT, "a proof by some other cryptosuite", o -> ((ObjectNode) o.get("proof")).put("cryptosuite", "jcs-eddsa-2022")),
                broken(ContentKind.LESSON, "no recommendation", o -> ((ObjectNode) o.get("lessonSections")).remove("recommendation")),
                broken(ContentKind.LESSON, "transferability without level", o -> ((ObjectNode) o.get("transferability")).remove("level")),
                broken(ContentKind.LESSON, "negative effort", o -> ((ObjectNode) o.get("effort")).put("personDays", -1)),
                broken(ContentKind.AID, "a licence without URI", o -> o.put("license", "DL-DE-BY-2.0")),
                broken(ContentKind.AID, "no file", o -> o.remove("attachment")),
                broken(ContentKind.AID, "an id not on /objects/", o -> o.put("id", "https://muni.example/notes/1")),
                broken(ContentKind.AID, "a Document on its own", o -> o.put("type", "Document")));
    }

    private static Arguments broken(ContentKind kind, String what, Consumer<ObjectNode> breakIt) {
        return Arguments.of(kind, what, breakIt);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenDocuments")
    void aBrokenExampleIsRefused(ContentKind kind, String what, Consumer<ObjectNode> breakIt) {
        ObjectNode doc = (ObjectNode) GoldenJson.example(ContentExamplesTest.example(kind));
        assertEquals(List.of(), SpecSchemas.problems(kind, doc), "the intact example is valid");
        breakIt.accept(doc);
        assertFalse(SpecSchemas.problems(kind, doc).isEmpty(), kind + " with " + what + " must not validate");
    }

    @Test
    void schemaEnumsAreTheCodesControlledVocabularies() throws IOException {
        JsonNode common = schema("common").get("$defs");
        assertCodes(Handlungsfeld.class, common.at("/fieldOfAction/enum"));
        assertCodes(Offenheit.class, common.at("/openness/items/enum"));
        assertCodes(ProjectStatus.class, common.at("/projectStatus/enum"));
        JsonNode event = schema("event").get("properties");
        assertCodes(JoinMode.class, event.at("/joinMode/enum"));
        assertCodes(EventCategory.class, event.at("/category/enum"));
        assertEquals(sorted(Arrays.stream(EventStatus.values()).map(EventStatus::schemaOrg)), sorted(event.at("/eventStatus/enum")));
        assertEquals(sorted(Arrays.stream(EventStatus.values()).map(EventStatus::ical)), sorted(event.at("/status/enum")));
        JsonNode lesson = schema("lesson").get("properties");
        assertCodes(LessonType.class, lesson.at("/lessonType/enum"));
        assertCodes(TransferLevel.class, lesson.at("/transferability/properties/level/enum"));
        assertCodes(SizeClass.class, lesson.at("/transferability/properties/sizeClasses/items/enum"));
        JsonNode aid = schema("aid").get("properties");
        assertCodes(AidKind.class, aid.at("/aidKind/enum"));
        assertEquals(sorted(Arrays.stream(Licence.values()).map(l -> l.uri().toString())), sorted(aid.at("/license/enum")));
    }

    private static <E extends Enum<E> & Vocabulary> void assertCodes(Class<E> vocabulary, JsonNode schemaEnum) {
        assertEquals(sorted(Arrays.stream(vocabulary.getEnumConstants()).map(Vocabulary::code)), sorted(schemaEnum),
                vocabulary.getSimpleName() + " in the schema");
    }

    private static TreeSet<String> sorted(Stream<String> values) {
        return values.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static TreeSet<String> sorted(JsonNode array) {
        TreeSet<String> out = new TreeSet<>();
        ((ArrayNode) array).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static JsonNode schema(String name) throws IOException {
        return GoldenJson.JSON.readTree(Files.readString(Path.of("federation-spec", "schemas", name + ".schema.json")));
    }
}
