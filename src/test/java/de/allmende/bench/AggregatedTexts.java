package de.allmende.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Pools of distinct German (and some English) titles and bodies for aggregated items, made of the compounds and
 * inflections municipalities write ("Bürgerhaushalt", "Jugendbeteiligungsprojekt", "Straßenbeleuchtung"), per kind of
 * item. {@link CoordinatorRows} repeats them over a million items; the words a search finds are these.
 */
final class AggregatedTexts {
    /** A title or a body: the kind it belongs to, its language and text (plain; the body also as HTML). */
    record Text(String kind, int index, String language, String plain, String html) {}

    static final List<String> TOPICS = List.of("Bürgerhaushalt", "Jugendbeteiligungsprojekt", "Bürgerbeteiligung",
            "Verwaltungsdigitalisierung", "Radverkehrskonzept", "Klimaschutzkonzept", "Bürgerbüro", "Ratsinformationssystem",
            "Haushaltsdaten", "Geodatenportal", "Straßenbeleuchtung", "Wärmeplanung", "Breitbandausbau", "Ehrenamtsbörse",
            "Seniorenbeirat", "Kinderbetreuungsplätze", "Schulwegsicherung", "Spielplatzsanierung", "Dorfgemeinschaftshaus",
            "Quartiersentwicklung", "Stadtteilforum", "Zukunftswerkstatt", "Mängelmelder", "Open-Data-Portal", "Bürgerdialog",
            "Onlinezugangsgesetz", "Feuerwehrgerätehaus", "Trinkwasserversorgung", "Hochwasserschutz", "Nahverkehrsplan",
            "Bürgersolaranlage", "Leerstandsmanagement", "Innenstadtbelebung", "Digitalisierungsstrategie", "Jugendparlament",
            "Integrationsbeirat", "Barrierefreiheit", "Gleichstellungsplan", "Bürgerversammlung", "Gemeinderatssitzung",
            "Lärmaktionsplan", "Friedhofssatzung", "Wochenmarkt", "Verkehrsberuhigung", "Stadtbücherei", "Familienzentrum",
            "Glasfaseranschluss", "Beteiligungsplattform", "Fördermittelantrag", "Nachhaltigkeitsbericht");
    private static final List<String> PLACES = List.of("Hauptstraße", "Marktplatz", "Rathaus", "Bürgerhaus", "Schulzentrum",
            "Gemeindesaal", "Stadthalle", "Feuerwache", "Kulturzentrum", "Jugendhaus");
    private static final List<String> MONTHS = List.of("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember");
    private static final List<String> ENGLISH = List.of("participatory budget", "open data portal", "youth participation",
            "digital administration", "cycling strategy", "climate protection plan", "broadband rollout", "citizen dialogue");

    private static final List<String> TITLES = List.of(
            "project:%s in unserer Gemeinde", "project:Projekt %s", "project:%s und %s: ein gemeinsames Vorhaben",
            "update:Neues vom %s", "update:%s: Zwischenstand im %m", "update:Der %s geht in die zweite Phase",
            "event:Workshop zum %s", "event:Infoabend: %s", "event:Bürgerversammlung zur %s", "event:Zukunftswerkstatt %s im %p",
            "lesson:Was wir beim %s gelernt haben", "lesson:Erfahrungen mit dem %s", "lesson:Stolpersteine beim %s",
            "aid:Leitfaden %s", "aid:Checkliste für den %s", "aid:Mustervorlage %s",
            "article:%s: Hintergründe und Zahlen", "article:Warum der %s wichtig ist", "page:Über den %s");
    private static final List<String> SENTENCES = List.of(
            "Die Gemeinde startet den %s und lädt alle Bürgerinnen und Bürger ein.",
            "Ab %m können Vorschläge zum %s eingereicht werden.",
            "Die Ergebnisse der %s werden im Gemeinderat vorgestellt.",
            "Beim %s arbeiten Verwaltung, Vereine und Jugendliche zusammen.",
            "Im %p informieren wir über den Stand beim %s.",
            "Die Beteiligung der Jugend am %s war höher als erwartet.",
            "Für den %s stehen Fördermittel des Landes bereit.",
            "Die Daten zum %s stehen als offene Daten im Portal.",
            "Nach den Erfahrungen mit dem %s empfehlen wir eine frühe Beteiligung.",
            "Die Straßen rund um den %p bleiben während der Arbeiten gesperrt.",
            "Der Ausschuss hat die Haushaltsmittel für den %s beschlossen.",
            "Fragen zum %s beantwortet das Bürgerbüro.");

    private AggregatedTexts() {}

    /** Up to {@code perKind} distinct titles for each kind that has titles (notes and polls have none). */
    static List<Text> titles(int perKind, long seed) {
        Random random = new Random(seed);
        List<Text> out = new ArrayList<>();
        for (String kind : List.of("project", "update", "event", "lesson", "aid", "article", "page")) {
            List<String> templates = TITLES.stream().filter(t -> t.startsWith(kind + ":")).map(t -> t.substring(kind.length() + 1)).toList();
            Set<String> seen = new LinkedHashSet<>();
            for (int attempt = 0; seen.size() < perKind && attempt < perKind * 20; attempt++) {
                seen.add(fill(templates.get(random.nextInt(templates.size())), random));
            }
            int i = 0;
            for (String title : seen) out.add(new Text(kind, i++, "de", title, title));
            // One in twenty in English, as some municipalities write for partners abroad.
            for (int e = 0; e < Math.max(1, perKind / 20); e++) {
                String title = "Project: " + ENGLISH.get(random.nextInt(ENGLISH.size())) + " " + (e + 1);
                out.add(new Text(kind, i++, "en", title, title));
            }
        }
        return out;
    }

    /** {@code count} distinct bodies of two to four sentences, shared by all kinds; one in twenty in English. */
    static List<Text> bodies(int count, long seed) {
        Random random = new Random(seed);
        List<Text> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        while (seen.size() < count) {
            if (seen.size() % 20 == 19) {
                String text = "We share our " + ENGLISH.get(random.nextInt(ENGLISH.size())) + " with partner towns. The results of the "
                        + ENGLISH.get(random.nextInt(ENGLISH.size())) + " are published as open data (" + seen.size() + ").";
                if (seen.add(text)) out.add(new Text("any", out.size(), "en", text, "<p>" + text + "</p>"));
                continue;
            }
            List<String> sentences = new ArrayList<>();
            int n = 2 + random.nextInt(3);
            for (int s = 0; s < n; s++) sentences.add(fill(SENTENCES.get(random.nextInt(SENTENCES.size())), random));
            String text = String.join(" ", sentences);
            if (seen.add(text)) out.add(new Text("any", out.size(), "de", text, "<p>" + String.join("</p><p>", sentences) + "</p>"));
        }
        return out;
    }

    private static String fill(String template, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length()) {
                char what = template.charAt(++i);
                out.append(switch (what) {
                    case 's' -> TOPICS.get(random.nextInt(TOPICS.size()));
                    case 'm' -> MONTHS.get(random.nextInt(MONTHS.size()));
                    case 'p' -> PLACES.get(random.nextInt(PLACES.size()));
                    default -> "%" + what;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
