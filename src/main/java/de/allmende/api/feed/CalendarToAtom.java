package de.allmende.api.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import de.allmende.api.web.CalendarTexts;
import de.allmende.content.Markdown;
import de.allmende.content.calendar.CalendarEntry;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.support.PlainText;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import static de.allmende.support.PlainText.xmlSafe;

/**
 * The merged calendar as an Atom 1.0 feed, written by Rome like the actors' feeds ({@link ContentToAtom}): one entry
 * per event in start order, its id the event's IRI, its summary when and where, its fields of action as categories
 * (the same scheme as the actors' feeds) and the publishing municipality as author.
 */
public final class CalendarToAtom {
    private final CalendarTexts texts;

    public CalendarToAtom(CalendarTexts texts) {
        this.texts = texts;
    }

    /**
     * @param self  this feed's URL (with its filter): also its id, so one filter is one feed
     * @param page  the same filter's page
     * @param quiet the feed's updated time when it has no entries (stable, so its ETag is)
     * @param next  the feed's next document (RFC 5005 paging: the events from the day after this one's), if there are more
     */
    public String feed(String lang, String title, String subtitle, URI self, URI page, List<CalendarEntry> entries, Instant quiet,
                       java.util.Optional<URI> next) {
        Feed f = new Feed("atom_1.0");
        f.setId(self.toString());
        f.setTitle(xmlSafe(title));
        f.setSubtitle(ContentToAtom.text(subtitle));
        f.setUpdated(Date.from(entries.stream().map(CalendarEntry::revised).max(Instant::compareTo).orElse(quiet)));
        f.setAlternateLinks(List.of(ContentToAtom.link("alternate", "text/html", page)));
        List<com.rometools.rome.feed.atom.Link> links = new ArrayList<>(List.of(ContentToAtom.link("self", "application/atom+xml", self)));
        next.ifPresent(n -> links.add(ContentToAtom.link("next", "application/atom+xml", n)));
        f.setOtherLinks(links);
        Generator g = new Generator();
        g.setValue("Allmende");
        f.setGenerator(g);
        List<Entry> out = new ArrayList<>();
        for (CalendarEntry e : entries) out.add(entry(lang, e));
        f.setEntries(out);
        try {
            // Rome drops the feed language for Atom: set xml:lang on the root element itself.
            Document doc = new WireFeedOutput().outputJDom(f);
            doc.getRootElement().setAttribute("lang", lang, Namespace.XML_NAMESPACE);
            return new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).outputString(doc);
        } catch (FeedException e) {
            throw new IllegalStateException("calendar feed " + self, e);
        }
    }

    private Entry entry(String lang, CalendarEntry e) {
        Entry a = new Entry();
        a.setId(e.iri().toString());
        a.setTitleEx(ContentToAtom.text(e.title(lang)));
        a.setAlternateLinks(List.of(ContentToAtom.link("alternate", "text/html", e.page())));
        a.setPublished(Date.from(e.published()));
        a.setUpdated(Date.from(e.revised()));
        Person author = new Person();
        author.setName(xmlSafe(e.organiser().name()));
        author.setUri(e.organiser().iri().toString());
        a.setAuthors(List.of(author));
        a.setSummary(ContentToAtom.text(summary(lang, e)));
        String html = e.content().preferred(lang).map(Markdown::sanitize).orElse("");
        if (!html.isBlank()) {
            Content c = new Content();
            c.setType("html");
            c.setValue(xmlSafe(html));
            a.setContents(List.of(c));
        }
        List<Category> categories = new ArrayList<>();
        for (Handlungsfeld h : e.fields()) {
            Category c = new Category();
            c.setTerm(h.code());
            c.setLabel(texts.field(lang, h));
            c.setScheme(ContentToAtom.FIELD_SCHEME);
            categories.add(c);
        }
        a.setCategories(categories);
        return a;
    }

    /** "Dienstag, 3. März 2026, 18:00 (Europe/Berlin) · Rathaus, Musterstadt", then the event's own summary. */
    private String summary(String lang, CalendarEntry e) {
        ZoneId zone = e.when().timeZone().orElse(ZoneId.of("UTC"));
        ZonedDateTime start = e.when().start().atZone(zone);
        String pattern = lang.equals("de") ? "EEEE, d. MMMM yyyy, HH:mm" : "EEEE, d MMMM yyyy, HH:mm";
        String when = start.format(DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(lang))) + " (" + zone.getId() + ")";
        String where = CalendarToICal.location(e).map(l -> " · " + l).orElse("");
        String own = e.summary().preferred(lang).map(PlainText::fromHtml).filter(s -> !s.isBlank()).map(s -> "\n\n" + s).orElse("");
        return when + where + own;
    }
}
