package de.allmende.testkit;

import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;
import de.allmende.domain.MunicipalityInput;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Municipal content for search tests, as three municipalities of the pilot's kind would publish it: projects, lessons
 * learned, events, working aids, a project update and a note, in German with some English, in the pilot's vocabulary
 * (Bürgerhaushalt, Jugendbeteiligung, Open Data, Fahrradstraßen …). Each item is named by a key ({@link #iri}).
 * Musterstadt is a Großstadt in Bayern, Kleinhausen a Landgemeinde in Sachsen, Mittelberg a Mittelstadt in NRW.
 */
public final class SearchCorpus {
    private final Map<String, URI> items = new LinkedHashMap<>();

    private SearchCorpus() {}

    public static MunicipalityInput kleinhausen() {
        return new MunicipalityInput("kleinhausen", "Gemeinde Kleinhausen", "Ein Dorf, das mitredet.", null, null, null, "Sachsen",
                "gemeinde", "4200", false);
    }

    public static MunicipalityInput mittelberg() {
        return new MunicipalityInput("mittelberg", "Stadt Mittelberg", "Offene Verwaltung in Mittelberg.", null, null, null,
                "Nordrhein-Westfalen", "stadt", "45000", false);
    }

    /** Creates the municipalities (Musterstadt, Kleinhausen, Mittelberg) and publishes everything. */
    public static SearchCorpus publish(TestNode node) {
        SearchCorpus c = new SearchCorpus();
        LocalActor muster = node.create(Fixtures.musterstadt());
        LocalActor klein = node.create(kleinhausen());
        LocalActor mittel = node.create(mittelberg());

        c.add(node, "P1", muster, ContentKind.PROJECT, """
                {"title": {"de": "Bürgerhaushalt Musterstadt", "en": "Participatory budget Musterstadt"},
                 "summary": {"de": "Bürgerinnen und Bürger entscheiden über 500.000 Euro des städtischen Haushalts.",
                             "en": "Citizens decide how to spend 500,000 euros of the city budget."},
                 "body": {"de": "Über das Beteiligungsportal reichen Bürger ihre Vorschläge ein. Die Verwaltung prüft die Kosten, danach wird abgestimmt."},
                 "fieldsOfAction": ["partizipation", "transparenz"],
                 "status": {"value": "laufend", "asOf": "2026-03-01"}, "openness": ["partizipation", "koproduktion"]}""");
        c.add(node, "L1", muster, ContentKind.LESSON, """
                {"title": {"de": "Den Rat früh einbinden", "en": "Involve the council early"},
                 "summary": {"de": "Ein Bürgerhaushalt gelingt, wenn der Gemeinderat ihn von Anfang an mitträgt.",
                             "en": "A participatory budget works when the council backs it from the start."},
                 "fieldsOfAction": ["partizipation", "verwaltungsentwicklung"],
                 "sections": {"context": {"de": "Die Kämmerei war skeptisch."}, "approach": {"de": "Zwei Workshops mit den Fraktionen."},
                              "recommendation": {"de": "Die Fraktionen vor dem ersten Aufruf einbinden."}},
                 "lessonType": "erfolgsfaktor", "transferability": {"level": "hoch"}, "openness": ["kooperation"]}""");
        c.add(node, "E1", muster, ContentKind.EVENT, """
                {"title": {"de": "Ideenwerkstatt zum Haushalt 2028"},
                 "summary": {"de": "Wir sammeln Vorschläge für den nächsten Haushalt."},
                 "fieldsOfAction": ["partizipation"],
                 "start": "2027-02-10T18:00", "end": "2027-02-10T20:30", "timeZone": "Europe/Berlin",
                 "place": {"name": "Rathaus Musterstadt, Sitzungssaal", "locality": "Musterstadt"}}""");
        c.add(node, "A1", muster, ContentKind.AID, """
                {"title": {"de": "Leitfaden Öffentlichkeitsbeteiligung"},
                 "summary": {"de": "Wie die Verwaltung Beteiligung plant, ankündigt und auswertet."},
                 "body": {"de": "Mit Vorlagen für Einladungen, Protokolle und die Auswertung."},
                 "fieldsOfAction": ["partizipation"], "aidKind": "leitfaden", "licence": "CC-BY-4.0",
                 "files": ["%s"]}""".formatted(Media.pdf(node, "musterstadt", "leitfaden.pdf")));
        c.note(node, "N1", muster, "<p>Die Straßenbeleuchtung in der Goethestraße wird bis Juni auf LED umgestellt.</p>");

        c.add(node, "P2", klein, ContentKind.PROJECT, """
                {"title": {"de": "Jugendbeteiligungsprojekt Kleinhausen"},
                 "summary": {"de": "Jugendliche gestalten den neuen Dorfplatz mit."},
                 "body": {"de": "In drei Treffen haben die Jugendlichen Entwürfe gezeichnet und mit dem Bauamt besprochen."},
                 "fieldsOfAction": ["partizipation", "inklusion-empowerment"],
                 "status": {"value": "laufend", "asOf": "2026-02-01"}, "openness": ["partizipation"]}""");
        c.add(node, "L2", klein, ContentKind.LESSON, """
                {"title": {"de": "Datenschutz bei Online-Umfragen"},
                 "summary": {"de": "Ohne die Datenschutzbeauftragte des Kreises hätten wir die Umfrage nicht starten dürfen."},
                 "fieldsOfAction": ["e-government"],
                 "sections": {"context": {"de": "Wir wollten die Jugendlichen online befragen."},
                              "recommendation": {"de": "Die Datenschutzbeauftragten früh fragen."}},
                 "lessonType": "hindernis", "transferability": {"level": "mittel"}}""");
        c.add(node, "E2", klein, ContentKind.EVENT, """
                {"title": {"de": "Jugendforum im Dorfgemeinschaftshaus"},
                 "fieldsOfAction": ["partizipation"],
                 "start": "2026-05-08T17:00", "end": "2026-05-08T19:00", "timeZone": "Europe/Berlin",
                 "place": {"name": "Dorfgemeinschaftshaus", "locality": "Kleinhausen"}}""");

        c.add(node, "P3", mittel, ContentKind.PROJECT, """
                {"title": {"de": "Open-Data-Portal Mittelberg", "en": "Open data portal Mittelberg"},
                 "summary": {"de": "Die Stadt veröffentlicht Haushaltsdaten und das Ratsinformationssystem als offene Daten.",
                             "en": "The city publishes its budget data and council information as open data."},
                 "fieldsOfAction": ["open-data", "transparenz"],
                 "status": {"value": "laufend", "asOf": "2026-01-15"}, "openness": ["transparenz", "offenheit-it"]}""");
        c.add(node, "P4", mittel, ContentKind.PROJECT, """
                {"title": {"de": "Fahrradstraßen im Quartier", "en": "Bicycle streets in the neighbourhood"},
                 "summary": {"de": "Drei neue Fahrradstraßen, geplant mit den Anwohnern.", "en": "Three new bike lanes, planned with residents."},
                 "body": {"de": "Die Anwohnerbeteiligung beginnt mit einem Rundgang durch den Straßenraum."},
                 "fieldsOfAction": ["smart-city", "partizipation"],
                 "status": {"value": "geplant", "asOf": "2026-04-01"}}""");
        c.add(node, "L3", mittel, ContentKind.LESSON, """
                {"title": {"de": "Klimaschutzkonzept gemeinsam mit der Zivilgesellschaft"},
                 "summary": {"de": "Vereine und Initiativen schrieben das Konzept mit; es wurde besser und schneller beschlossen."},
                 "fieldsOfAction": ["zusammenarbeit"],
                 "sections": {"context": {"de": "Der Stadtrat wollte ein Konzept bis Jahresende."},
                              "recommendation": {"de": "Initiativen von Anfang an beteiligen."}},
                 "lessonType": "empfehlung", "transferability": {"level": "hoch"}, "openness": ["kooperation"]}""");
        c.add(node, "A2", mittel, ContentKind.AID, """
                {"title": {"de": "Checkliste Barrierefreiheit für Beteiligungsveranstaltungen"},
                 "summary": {"de": "Rampe, Gebärdensprache, Leichte Sprache: woran Sie denken sollten."},
                 "fieldsOfAction": ["inklusion-empowerment"], "aidKind": "checkliste", "licence": "DL-DE-BY-2.0",
                 "files": ["%s"]}""".formatted(Media.pdf(node, "mittelberg", "checkliste.pdf")));
        // The update closes the project: the project's own document changes with it (an edit of P2).
        c.add(node, "U1", klein, ContentKind.UPDATE, """
                {"title": {"de": "Der Dorfplatz ist fertig"},
                 "body": {"de": "Am Samstag wurde der Dorfplatz eröffnet. Danke an alle Jugendlichen!"},
                 "project": "%s", "newStatus": {"value": "abgeschlossen", "asOf": "2026-06-30"}}""".formatted(c.iri("P2")));
        return c;
    }

    /** Two projects of {@code a} about a participatory budget, published one by each process of a node. */
    public static void publishProjects(TestNode one, TestNode other, LocalActor a) {
        for (TestNode node : List.of(one, other)) {
            String area = node == one ? "Nord" : "Süd";
            node.node().services().content.create(a, ContentKind.PROJECT, ContentFixtures.json("""
                    {"title": {"de": "Projekt Bürgerhaushalt %s"},
                     "summary": {"de": "Beteiligung am Haushalt im Stadtteil %s."},
                     "fieldsOfAction": ["partizipation"], "status": {"value": "geplant", "asOf": "2026-09-01"}}""".formatted(area, area)));
        }
    }

    public URI iri(String key) {
        URI u = items.get(key);
        if (u == null) throw new IllegalArgumentException("no item " + key);
        return u;
    }

    /** Adds an item published elsewhere (say a remote note) under a key. */
    public void put(String key, URI iri) {
        items.put(key, iri);
    }

    public Map<String, URI> items() {
        return Map.copyOf(items);
    }

    /** The key of an item's IRI. */
    public String key(String iri) {
        return items.entrySet().stream().filter(e -> e.getValue().toString().equals(iri)).map(Map.Entry::getKey).findFirst().orElse(iri);
    }

    private void add(TestNode node, String key, LocalActor a, ContentKind kind, String json) {
        Content content = node.node().services().content.create(a, kind, ContentFixtures.json(json));
        items.put(key, content.iri());
    }

    private void note(TestNode node, String key, LocalActor a, String html) {
        items.put(key, node.node().services().notes.publish(a, html));
    }
}
