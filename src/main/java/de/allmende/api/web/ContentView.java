package de.allmende.api.web;

import de.allmende.content.Attachment;
import de.allmende.content.Common;
import de.allmende.content.Content;
import de.allmende.content.Localized;
import de.allmende.content.Markdown;
import de.allmende.content.ProjectUpdate;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a content page shows, already in display form: German labels, formatted dates, rendered
 * and sanitised Markdown. The template only lays it out, so all kinds share one template.
 *
 * @param bodyHtml   HTML from {@link Markdown#toHtml} (or {@link Markdown#sanitize} for other objects): with the
 *                   sections' HTML, the only values the template marks raw
 * @param facts      the kind's fields as a definition list, in reading order
 * @param sections   headed Markdown sections (lessons learned)
 */
public record ContentView(String kind, String kindLabel, String title, String titleEn, String summary, String summaryEn,
                          String bodyHtml, String bodyHtmlEn, List<Fact> facts, List<Section> sections,
                          List<FileLink> files, List<Image> images) {

    /** One row of the definition list: a German label and one or more values. */
    public record Fact(String label, List<Item> items) {}

    /**
     * A value: plain text, a link ({@code href}), a time ({@code datetime}); {@code lang} marks
     * English values.
     */
    public record Item(String text, String href, String datetime, String lang) {
        static Item text(String text) { return new Item(text, null, null, null); }
        static Item english(String text) { return new Item(text, null, null, "en"); }
        static Item link(String text, URI href) { return new Item(text, Links.safeHref(href), null, null); }
        static Item time(String text, String datetime) { return new Item(text, null, datetime, null); }
    }

    public record Section(String heading, String html, String htmlEn) {}

    public record FileLink(String name, String href, String type) {}

    public record Image(String src, String alt) {}

    /**
     * @param titles German titles of local content by IRI, so related projects are named, not just linked
     */
    public static ContentView of(Content c, Function<URI, Optional<String>> titles) {
        Common common = c.details().common();
        ContentFacts facts = ContentFacts.of(c.details(), titles);
        return new ContentView(c.kind().code(), c.kind().label(), title(c, titles), en(common.title()),
                common.summary() == null ? null : common.summary().de(), en(common.summary()),
                html(common.body() == null ? null : common.body().de()), html(en(common.body())),
                facts.facts(), facts.sections(), files(facts.files()), images(common.images()));
    }

    /** Updates may have no title: then the project they report on names the page. */
    private static String title(Content c, Function<URI, Optional<String>> titles) {
        Localized t = c.details().common().title();
        if (t != null) return t.de();
        if (c.details() instanceof ProjectUpdate u) {
            return titles.apply(u.project()).map(p -> "Neues aus dem Projekt „" + p + "“")
                    .orElse("Projekt-Update vom " + GermanDates.date(c.published().atZone(GermanDates.GERMANY).toLocalDate()));
        }
        return c.kind().label();
    }

    static String en(Localized l) {
        return l == null ? null : l.en();
    }

    static String html(String markdown) {
        String html = Markdown.toHtml(markdown);
        return html.isEmpty() ? null : html;
    }

    private static List<FileLink> files(List<Attachment> files) {
        return files.stream().map(f -> new FileLink(f.name() != null ? f.name() : f.url().getPath(),
                Links.safeHref(f.url()), FileTypes.label(f.mediaType()))).toList();
    }

    private static List<Image> images(List<Attachment> images) {
        return images.stream().map(i -> new Image(Links.safeHref(i.url()), i.name() == null ? "" : i.name())).toList();
    }
}
