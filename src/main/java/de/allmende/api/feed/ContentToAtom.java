package de.allmende.api.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import de.allmende.content.ContentKind;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.domain.LocalActor;
import de.allmende.domain.PostText;
import de.allmende.federation.content.ContentToAs;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.Contexts;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static de.allmende.support.PlainText.xmlSafe;

/**
 * An actor's content as an Atom 1.0 feed (RFC 4287), written by Rome. Entries carry the same title,
 * summary and HTML that followers on Mastodon see, so readers of either get one text.
 */
public final class ContentToAtom {
    static final String FIELD_SCHEME = Contexts.ALLMENDE_NS + "fieldOfAction";
    static final String KIND_SCHEME = Contexts.ALLMENDE_NS + "kind";

    private final Iris iris;

    public ContentToAtom(Iris iris) {
        this.iris = iris;
    }

    /**
     * @param kind  the kind of the feed, or null for all kinds
     * @param items newest first
     */
    public String feed(LocalActor a, ContentKind kind, List<de.allmende.content.Content> items) {
        URI self = kind == null ? iris.feed(a.handle()) : iris.feed(a.handle(), kind.plural());
        Feed f = new Feed("atom_1.0");
        f.setId(self.toString());
        f.setTitle(xmlSafe(a.displayName() + (kind == null ? "" : " – " + kind.pluralLabel())));
        f.setSubtitle(text(kind == null ? "Projekte, Updates, Veranstaltungen, Erfahrungen und Arbeitshilfen"
                : kind.pluralLabel() + " von " + a.displayName()));
        Instant updated = items.stream().map(de.allmende.content.Content::updated).max(Instant::compareTo).orElse(a.updated());
        f.setUpdated(Date.from(updated));
        f.setAlternateLinks(List.of(link("alternate", "text/html", iris.actor(a.handle()))));
        f.setOtherLinks(List.of(link("self", "application/atom+xml", self)));
        f.setAuthors(List.of(author(a)));
        f.setIcon(iris.icon(a.handle()).toString());
        Generator g = new Generator();
        g.setValue("Allmende");
        f.setGenerator(g);
        List<Entry> entries = new ArrayList<>();
        for (de.allmende.content.Content c : items) entries.add(entry(a, c));
        f.setEntries(entries);
        try {
            // Rome drops the feed language for Atom: set xml:lang on the root element itself.
            Document doc = new WireFeedOutput().outputJDom(f);
            doc.getRootElement().setAttribute("lang", "de", Namespace.XML_NAMESPACE);
            return new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).outputString(doc);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed for " + a.handle(), e);
        }
    }

    private Entry entry(LocalActor a, de.allmende.content.Content c) {
        PostText words = ContentToAs.text(c, iris.followers(a.handle()));
        Entry e = new Entry();
        e.setId(c.iri().toString());
        e.setTitleEx(text(words.title() != null ? words.title() : c.kind().label()));
        e.setAlternateLinks(List.of(link("alternate", "text/html", c.iri())));
        e.setOtherLinks(List.of(link("alternate", "application/activity+json", c.iri())));
        e.setPublished(Date.from(c.published()));
        e.setUpdated(Date.from(c.updated()));
        e.setAuthors(List.of(author(a)));
        if (words.summary() != null) e.setSummary(text(words.summary()));
        Content html = new Content();
        html.setType("html");
        html.setValue(xmlSafe(words.html()));
        e.setContents(List.of(html));
        List<Category> categories = new ArrayList<>();
        categories.add(category(c.kind().code(), c.kind().label(), KIND_SCHEME));
        for (Handlungsfeld h : c.details().common().fieldsOfAction()) categories.add(category(h.code(), h.label(), FIELD_SCHEME));
        e.setCategories(categories);
        return e;
    }

    private SyndPerson author(LocalActor a) {
        Person p = new Person();
        p.setName(xmlSafe(a.displayName()));
        p.setUri(iris.actor(a.handle()).toString());
        return p;
    }

    static Content text(String value) {
        Content c = new Content();
        c.setType("text");
        c.setValue(xmlSafe(value));
        return c;
    }

    static Link link(String rel, String type, URI href) {
        Link l = new Link();
        l.setRel(rel);
        l.setType(type);
        l.setHref(href.toString());
        return l;
    }

    private static Category category(String term, String label, String scheme) {
        Category c = new Category();
        c.setTerm(term);
        c.setLabel(label);
        c.setScheme(scheme);
        return c;
    }
}
