package de.allmende.api.web;

import de.allmende.api.web.ContentView.Item;
import de.allmende.api.web.PageModel.Nav;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.content.Markdown;
import de.allmende.domain.LocalActor;
import de.allmende.domain.PostText;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ActorService;
import de.allmende.service.ContentService;
import de.allmende.store.ObjectStore.StoredObject;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML page at a local object's IRI: municipal content with all its fields; other local objects
 * (e.g. Notes posted from the command line) with their sanitised text; deleted ones as a short notice.
 */
public final class ObjectPages {
    private final Templates templates;
    private final Iris iris;
    private final String nodeName;
    private final ContentService content;
    private final ActorService actors;

    public ObjectPages(Templates templates, Iris iris, String nodeName, ContentService content, ActorService actors) {
        this.templates = templates;
        this.iris = iris;
        this.nodeName = nodeName;
        this.content = content;
        this.actors = actors;
    }

    /**
     * @param stored a local object (it has a local actor)
     * @param text   its words, as federation reads them from the stored document
     */
    public String render(URI iri, StoredObject stored, PostText text) {
        LocalActor author = actors.findById(stored.localActorId().orElseThrow()).orElseThrow();
        if (stored.deleted().isPresent()) return gone(author);
        return content.findByIri(iri).filter(s -> s.deleted().isEmpty())
                .map(s -> contentPage(content.toContent(s, author), author))
                .orElseGet(() -> notePage(iri, stored, text, author));
    }

    private String contentPage(Content c, LocalActor author) {
        ContentView view = ContentView.of(c, content::titleOf);
        List<Alternate> alternates = new ArrayList<>();
        alternates.add(jsonLd(c.iri()));
        alternates.add(Alternate.of(PageModel.ATOM, iris.feed(author.handle(), c.kind().plural()).toString(),
                "Atom-Feed: " + c.kind().pluralLabel()));
        if (c.kind() == ContentKind.EVENT) {
            alternates.add(Alternate.of(PageModel.CALENDAR, iris.calendar(author.handle()).toString(), "Kalender (iCal)"));
        }
        Map<String, Object> m = base(view.title() + " – " + author.displayName(), author, alternates);
        m.put("view", view);
        m.put("published", instant(c.published()));
        if (c.updated().isAfter(c.published())) m.put("updated", instant(c.updated()));
        return templates.render("content", m);
    }

    /** A local object that is not municipal content: its name and its (sanitised) HTML. */
    private String notePage(URI iri, StoredObject stored, PostText text, LocalActor author) {
        String body = Markdown.sanitize(text.html());
        ContentView view = new ContentView("note", "Beitrag", text.title() == null ? "Beitrag von " + author.displayName() : text.title(),
                null, null, null, body.isBlank() ? null : body, null, List.of(), List.of(), List.of(), List.of());
        Map<String, Object> m = base(view.title(), author, List.of(jsonLd(iri)));
        m.put("view", view);
        m.put("published", instant(stored.published()));
        return templates.render("content", m);
    }

    private String gone(LocalActor author) {
        return templates.render("gone", base("Gelöscht", author, List.of()));
    }

    private Map<String, Object> base(String title, LocalActor author, List<Alternate> alternates) {
        String profile = iris.actor(author.handle()).toString();
        Map<String, Object> m = PageModel.base(nodeName, title,
                List.of(new Nav(author.displayName(), profile), new Nav("Abonnieren", profile + "#abonnieren")), alternates);
        m.put("authorName", author.displayName());
        m.put("authorHref", profile);
        return m;
    }

    private static Alternate jsonLd(URI iri) {
        return new Alternate(PageModel.ACTIVITY_JSON, iri.toString(), "ActivityStreams (JSON-LD)", iri + "?format=json");
    }

    private static Item instant(Instant t) {
        return Item.time(GermanDates.instant(t), t.toString());
    }
}
