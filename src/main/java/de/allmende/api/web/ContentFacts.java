package de.allmende.api.web;

import de.allmende.api.web.ContentView.Fact;
import de.allmende.api.web.ContentView.Item;
import de.allmende.api.web.ContentView.Section;
import de.allmende.content.Attachment;
import de.allmende.content.Common;
import de.allmende.content.ContentDetails;
import de.allmende.content.Event;
import de.allmende.content.Lesson;
import de.allmende.content.Localized;
import de.allmende.content.Project;
import de.allmende.content.ProjectUpdate;
import de.allmende.content.WorkingAid;
import de.allmende.content.vocab.Vocabulary;

import java.math.BigDecimal;
import java.net.URI;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Each kind's fields as labelled facts (German labels), its sections and its files. */
final class ContentFacts {
    private final List<Fact> facts = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Attachment> files = new ArrayList<>();
    private final Function<URI, Optional<String>> titles;

    private ContentFacts(Function<URI, Optional<String>> titles) {
        this.titles = titles;
    }

    static ContentFacts of(ContentDetails d, Function<URI, Optional<String>> titles) {
        ContentFacts f = new ContentFacts(titles);
        switch (d) {
            case Project p -> f.project(p);
            case ProjectUpdate u -> f.update(u);
            case Event e -> f.event(e);
            case Lesson l -> f.lesson(l);
            case WorkingAid a -> f.aid(a);
        }
        f.common(d.common());
        return f;
    }

    List<Fact> facts() { return facts; }
    List<Section> sections() { return sections; }
    List<Attachment> files() { return files; }

    private void project(Project p) {
        status(p.status(), "Status");
        vocab("Perspektiven von Offenheit", p.openness());
        text("Förderprogramm", p.fundingProgramme());
        if (p.startDate() != null) add("Beginn", date(p.startDate()));
        if (p.endDate() != null) add("Ende", date(p.endDate()));
        add("Partner", p.partners().stream().map(x -> x.url() == null ? Item.text(x.name()) : Item.link(x.name(), x.url())).toList());
        add("Ratsdokumente", p.councilDocuments().stream().map(u -> Item.link(u.toString(), u)).toList());
        for (Project.Contact c : p.contacts()) {
            List<Item> items = new ArrayList<>();
            String who = c.role() == null ? c.name() : c.name() == null ? c.role() : c.name() + " (" + c.role() + ")";
            if (who != null) items.add(Item.text(who));
            if (c.email() != null) items.add(Item.link(c.email(), Links.mailto(c.email())));
            if (c.phone() != null) items.add(Item.link(c.phone(), Links.tel(c.phone())));
            add("Kontakt", items);
        }
    }

    private void update(ProjectUpdate u) {
        related("Projekt", u.project());
        if (u.newStatus() != null) status(u.newStatus(), "Neuer Status");
    }

    private void event(Event e) {
        add("Beginn", List.of(Item.time(GermanDates.dayAndTime(e.startsAt()), GermanDates.isoLocal(e.startsAt()))));
        add("Ende", List.of(Item.time(GermanDates.dayAndTime(e.endsAt()), GermanDates.isoLocal(e.endsAt()))));
        text("Zeitzone", GermanDates.zone(e.startsAt()));
        text("Status", e.status().label());
        if (e.place() != null) place(e.place());
        if (e.onlineUrl() != null) add("Online", List.of(Item.link(e.onlineUrl().toString(), e.onlineUrl())));
        text("Teilnahme", e.joinMode().label());
        if (e.registrationUrl() != null) add("Anmeldung", List.of(Item.link(e.registrationUrl().toString(), e.registrationUrl())));
        text("Kategorie", e.category().label());
        add("Veranstaltet von", e.organisers().stream().map(u -> Item.link(u.toString(), u)).toList());
        related("Projekt", e.project());
    }

    private void place(Event.Place p) {
        text("Ort", p.name());
        List<Item> address = new ArrayList<>();
        if (p.street() != null) address.add(Item.text(p.street()));
        String town = join(" ", p.postalCode(), p.locality());
        if (!town.isEmpty()) address.add(Item.text(town));
        if (p.region() != null) address.add(Item.text(p.region()));
        if (p.country() != null) address.add(Item.text(p.country()));
        add("Adresse", address);
        if (p.latitude() != null && p.longitude() != null) {
            String coords = p.latitude() + ", " + p.longitude();
            add("Koordinaten", List.of(Item.link(coords, URI.create("geo:" + p.latitude() + "," + p.longitude()))));
        }
    }

    private void lesson(Lesson l) {
        text("Art der Erfahrung", l.lessonType().label());
        Lesson.Transferability t = l.transferability();
        if (t != null) {
            text("Übertragbarkeit", t.level().label());
            vocab("Geeignet für", t.sizeClasses());
            localized("Voraussetzungen", t.conditions());
        }
        Lesson.Effort e = l.effort();
        if (e != null) {
            if (e.personDays() != null) text("Aufwand", number(e.personDays()) + " Personentage");
            if (e.costEuro() != null) text("Kosten", NumberFormat.getCurrencyInstance(Locale.GERMANY).format(e.costEuro()));
            text("Anmerkung zum Aufwand", e.note());
        }
        vocab("Perspektiven von Offenheit", l.openness());
        add("Belege", l.evidence().stream().map(u -> Item.link(u.toString(), u)).toList());
        related("Projekt", l.project());
        Lesson.Sections s = l.sections();
        section("Ausgangslage", s.context());
        section("Vorgehen", s.approach());
        section("Was funktioniert hat", s.whatWorked());
        section("Hindernisse", s.obstacles());
        section("Empfehlung", s.recommendation());
    }

    private void aid(WorkingAid a) {
        text("Art der Arbeitshilfe", a.aidKind().label());
        add("Lizenz", List.of(Item.link(a.licence().label(), a.licence().uri())));
        text("Version", a.version());
        related("Abgeleitet von", a.derivedFrom());
        files.addAll(a.files());
    }

    private void common(Common c) {
        vocab("Handlungsfelder", c.fieldsOfAction());
        add("Schlagwörter", c.tags().stream().map(t -> Item.text("#" + t)).toList());
    }

    private void status(Project.StatusAsOf s, String label) {
        if (s == null) return;
        text(label, s.value().label());
        add("Stand", date(s.asOf()));
    }

    /** A link to related content, named by its title when it is on this node. */
    private void related(String label, URI iri) {
        if (iri == null) return;
        add(label, List.of(Item.link(titles.apply(iri).orElse(iri.toString()), iri)));
    }

    private void section(String heading, Localized text) {
        if (text == null) return;
        sections.add(new Section(heading, ContentView.html(text.de()), ContentView.html(text.en())));
    }

    private void localized(String label, Localized l) {
        if (l == null) return;
        List<Item> items = new ArrayList<>(List.of(Item.text(l.de())));
        l.english().ifPresent(en -> items.add(Item.english(en)));
        add(label, items);
    }

    private void vocab(String label, Collection<? extends Vocabulary> values) {
        add(label, values.stream().map(v -> Item.text(v.label())).toList());
    }

    private void text(String label, String value) {
        if (value != null && !value.isBlank()) add(label, List.of(Item.text(value)));
    }

    private void add(String label, List<Item> items) {
        if (!items.isEmpty()) facts.add(new Fact(label, items));
    }

    private static List<Item> date(java.time.LocalDate d) {
        return List.of(Item.time(GermanDates.date(d), d.toString()));
    }

    private static String number(BigDecimal n) {
        return NumberFormat.getNumberInstance(Locale.GERMANY).format(n);
    }

    private static String join(String sep, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            if (!sb.isEmpty()) sb.append(sep);
            sb.append(p);
        }
        return sb.toString();
    }
}
