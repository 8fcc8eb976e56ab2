package de.allmende.spec;

import de.allmende.content.ContentKind;
import de.allmende.testkit.MastodonView;
import de.allmende.testkit.PublishedContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a Mastodon user sees of each kind, by Mastodon's rules for received objects ({@link MastodonView}). */
@DisplayName("Mastodon shows every kind of municipal content sensibly")
class MastodonRenderingTest {
    static PublishedContent published;

    @BeforeAll
    static void publish() {
        published = PublishedContent.publishAll();
    }

    @AfterAll
    static void stop() {
        published.close();
    }

    static MastodonView view(ContentKind kind) {
        return MastodonView.of(published.json(kind));
    }

    @ParameterizedTest
    @EnumSource(ContentKind.class)
    void everyKindIsAPublicGermanStatusWithItsHashtags(ContentKind kind) {
        MastodonView v = view(kind);
        assertEquals("public", v.visibility());
        assertEquals(Optional.of("de"), v.language());
        assertFalse(v.text().isBlank());
        assertFalse(v.hashtags().isEmpty(), "fields of action become hashtags");
        assertEquals("", v.spoilerText(), "no content warning");
    }

    @Test
    void aProjectShowsItsTitleTeaserAndLink() {
        String text = view(ContentKind.PROJECT).text();
        assertTrue(text.startsWith("Offener Haushalt Der städtische Haushalt als offene Daten und interaktive Grafik. https://muni.example/objects/"), text);
        assertEquals(java.util.List.of("Transparenz", "OpenData", "Haushalt"), view(ContentKind.PROJECT).hashtags());
    }

    @Test
    void anUpdateShowsItsWholeTextAndHashtagsWithoutContentWarningAsAReplyToItsProject() {
        MastodonView v = view(ContentKind.UPDATE);
        assertFalse(published.json(ContentKind.UPDATE).has("summary") || published.json(ContentKind.UPDATE).has("summaryMap"),
                "a Note's summary would be a content warning");
        assertTrue(v.text().contains("Haushaltsportal ist online"), v.text());
        assertTrue(v.text().contains("Das Portal ist seit heute online. Danke an alle, die getestet haben!"), v.text());
        assertTrue(v.text().contains("Projektstatus: verstetigt (Stand 2026-06-30)"), v.text());
        assertTrue(v.text().endsWith("#Transparenz"), v.text());
        assertEquals(java.util.List.of("Transparenz"), v.hashtags());
        assertTrue(v.reply(), "threads under its project");
    }

    @Test
    void anEventShowsWhenAndWhereBeforeItsTeaser() {
        String text = view(ContentKind.EVENT).text();
        assertTrue(text.startsWith("Werkstatt Bürgerhaushalt Di., 3. März 2026, 18:00–20:30 Uhr (MEZ) · Rathaus Musterstadt, Sitzungssaal und online"
                + " Wir sammeln Ideen für den Haushalt 2027."), text);
        assertFalse(text.contains("Bitte bringen Sie"), "Mastodon ignores an Event's content");
    }

    @Test
    void aLessonShowsItsTakeaway() {
        MastodonView v = view(ContentKind.LESSON);
        String takeaway = published.json(ContentKind.LESSON).get("summary").asText();
        assertEquals("Ein offener Haushalt gelingt, wenn der Rat ihn von Anfang an mitträgt.", takeaway);
        assertTrue(v.text().startsWith("Den Rat früh einbinden " + takeaway + " https://muni.example/objects/"), v.text());
    }

    @Test
    void anAidShowsItsSummaryAndItsFileAsALink() {
        MastodonView v = view(ContentKind.AID);
        assertTrue(v.text().startsWith("Musterbeschluss Open Data Vorlage für einen Ratsbeschluss zur Veröffentlichung offener Daten."), v.text());
        assertEquals(1, v.fileLinks().size());
        assertTrue(v.fileLinks().getFirst().startsWith("https://muni.example/media/"));
        assertTrue(v.media().isEmpty(), "a PDF is no media attachment");
    }

    @Test
    void theViewAppliesMastodonsRulesNotOurs() {
        var note = published.json(ContentKind.UPDATE).deepCopy().put("summary", "Achtung");
        assertEquals("Achtung", MastodonView.of(note).spoilerText(), "a Note's summary is a content warning");
        var document = published.json(ContentKind.AID).deepCopy().put("type", "Document");
        assertThrows(document);
        var foreign = published.json(ContentKind.PROJECT).deepCopy().put("id", "https://elsewhere.example/objects/1");
        assertThrows(foreign);
        var english = published.json(ContentKind.PROJECT).deepCopy();
        english.remove("contentMap");
        english.putObject("nameMap").put("en", "Open Budget").put("de", "Offener Haushalt");
        assertEquals(Optional.of("en"), MastodonView.of(english).language(), "the first key decides");
    }

    private static void assertThrows(com.fasterxml.jackson.databind.JsonNode o) {
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> MastodonView.of(o));
    }
}
