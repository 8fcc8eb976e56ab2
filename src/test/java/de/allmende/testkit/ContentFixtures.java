package de.allmende.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.ContentKind;
import de.allmende.federation.json.Json;

import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Named staff-API inputs, one per kind, as a municipality would enter them. The spec examples in
 * federation-spec/examples/content/ are what the node emits for exactly these inputs.
 */
public final class ContentFixtures {
    private ContentFixtures() {}

    /** "Offener Haushalt": a running transparency project with every field set. */
    public static ObjectNode offenerHaushalt() {
        return json("""
                {"title": {"de": "Offener Haushalt", "en": "Open Budget"},
                 "summary": {"de": "Der städtische Haushalt als offene Daten und interaktive Grafik.", "en": "The city budget as open data and an interactive chart."},
                 "body": {"de": "## Ziel\\n\\nAlle Haushaltsdaten **maschinenlesbar** veröffentlichen.\\n\\n- Datensatz im Portal\\n- Grafik für Bürger", "en": "## Goal\\n\\nPublish all budget data **machine-readable**."},
                 "fieldsOfAction": ["transparenz", "open-data"],
                 "tags": ["Haushalt"],
                 "status": {"value": "laufend", "asOf": "2026-03-01"},
                 "openness": ["transparenz", "offenheit-it"],
                 "fundingProgramme": "Modellkommune Open Government (BMI, 2017–2019)",
                 "partners": [{"name": "Gemeinde Beispieldorf", "url": "https://beispieldorf.example/actors/beispieldorf", "ags": "09187000"}],
                 "councilDocuments": ["https://ris.musterstadt.example/oparl/paper/4711"],
                 "contacts": [{"name": "Open-Government-Team", "role": "Koordination", "email": "opengov@musterstadt.example", "phone": "+49 911 1234-0"}],
                 "startDate": "2025-01-15", "endDate": "2026-12-31"}
                """);
    }

    /** A status report on a project that also moves it to "verstetigt". */
    public static ObjectNode haushaltUpdate(URI project) {
        return json("""
                {"title": {"de": "Haushaltsportal ist online"},
                 "body": {"de": "Das Portal ist seit heute online. Danke an alle, die getestet haben!", "en": "The portal is online as of today."},
                 "fieldsOfAction": ["transparenz"],
                 "project": "%s",
                 "newStatus": {"value": "verstetigt", "asOf": "2026-06-30"}}
                """.formatted(project));
    }

    /** A hybrid workshop in the town hall, with online access and external registration. */
    public static ObjectNode werkstatt(URI project) {
        return json("""
                {"title": {"de": "Werkstatt Bürgerhaushalt", "en": "Participatory budget workshop"},
                 "summary": {"de": "Wir sammeln Ideen für den Haushalt 2027.", "en": "Collecting ideas for the 2027 budget."},
                 "body": {"de": "Bitte bringen Sie Ihre Vorschläge mit."},
                 "fieldsOfAction": ["partizipation"],
                 "start": "2026-03-03T18:00", "end": "2026-03-03T20:30", "timeZone": "Europe/Berlin",
                 "place": {"name": "Rathaus Musterstadt, Sitzungssaal", "street": "Marktplatz 1", "postalCode": "90403",
                           "locality": "Musterstadt", "region": "Bayern", "country": "DE", "latitude": 49.4536, "longitude": 11.0775},
                 "onlineUrl": "https://meet.musterstadt.example/buergerhaushalt",
                 "status": "scheduled", "joinMode": "external", "registrationUrl": "https://musterstadt.example/anmeldung",
                 "category": "WORKSHOPS_SKILL_SHARING",
                 "project": "%s"}
                """.formatted(project));
    }

    /** What the pilot learned about involving the council early. */
    public static ObjectNode ratFruehEinbinden(URI project) {
        return json("""
                {"title": {"de": "Den Rat früh einbinden", "en": "Involve the council early"},
                 "summary": {"de": "Ein offener Haushalt gelingt, wenn der Rat ihn von Anfang an mitträgt.", "en": "An open budget works when the council backs it from the start."},
                 "fieldsOfAction": ["transparenz", "verwaltungsentwicklung"],
                 "sections": {"context": {"de": "Die Kämmerei war skeptisch."},
                              "approach": {"de": "Zwei Workshops mit Fraktionen."},
                              "whatWorked": {"de": "Eine gemeinsame Sprache für Zahlen."},
                              "obstacles": {"de": "Datenformate aus dem Finanzverfahren."},
                              "recommendation": {"de": "Den Rat vor dem ersten Datensatz einbinden.", "en": "Involve the council before the first dataset."}},
                 "lessonType": "erfolgsfaktor",
                 "transferability": {"level": "hoch", "sizeClasses": ["mittelstadt", "grossstadt"], "conditions": {"de": "Ein Finanzverfahren mit Export."}},
                 "effort": {"personDays": 12, "costEuro": 3500, "note": "ohne externe Beratung"},
                 "evidence": ["https://ris.musterstadt.example/oparl/paper/4711"],
                 "project": "%s",
                 "openness": ["transparenz"]}
                """.formatted(project));
    }

    /** A council draft template, licensed for reuse, with its file (an uploaded media id). */
    public static ObjectNode musterbeschluss(String mediaId) {
        return json("""
                {"title": {"de": "Musterbeschluss Open Data"},
                 "summary": {"de": "Vorlage für einen Ratsbeschluss zur Veröffentlichung offener Daten."},
                 "body": {"de": "Anpassen, einbringen, beschließen."},
                 "fieldsOfAction": ["open-data"],
                 "aidKind": "ratsvorlage", "licence": "DL-DE-BY-2.0", "version": "1.2",
                 "derivedFrom": "https://beispieldorf.example/objects/0c7f6a52-1111-4d4e-9c1e-2a3b4c5d6e7f",
                 "files": ["%s"]}
                """.formatted(mediaId));
    }

    public static ContentKind[] kinds() {
        return ContentKind.values();
    }

    public static ObjectNode json(String s) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
