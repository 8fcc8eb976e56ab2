package de.allmende.api.web;

import de.allmende.api.web.PageModel.Nav;
import de.allmende.content.Content;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Server-rendered, JavaScript-free profile pages, with the actor's recent content and feeds. */
public final class ProfilePage {
    private final Templates templates;
    private final Iris iris;
    private final String nodeName;

    /** One line of the recent-content list. */
    public record Recent(String title, String kindLabel, String href, String date, String datetime) {}

    public ProfilePage(Templates templates, Iris iris, String nodeName) {
        this.templates = templates;
        this.iris = iris;
        this.nodeName = nodeName;
    }

    /** @param recent the actor's newest content, newest first */
    public String render(LocalActor a, List<Content> recent) {
        List<Alternate> feeds = PageModel.feeds(iris, a);
        List<Alternate> alternates = new ArrayList<>();
        alternates.add(new Alternate(PageModel.ACTIVITY_JSON, iris.actor(a.handle()).toString(), "ActivityStreams (JSON-LD)", null));
        alternates.add(feeds.getFirst());
        alternates.add(feeds.getLast());
        Map<String, Object> m = base(a, List.of(new Nav("Neueste Beiträge", "#beitraege"), new Nav("Abonnieren", "#abonnieren")),
                alternates);
        m.put("acct", "@" + a.handle() + "@" + iris.base().getRawAuthority());
        m.put("website", a.website().map(Object::toString).orElse(null));
        m.put("ags", a.ags().orElse(null));
        m.put("ars", a.ars().orElse(null));
        m.put("land", a.land().map(l -> l.label()).orElse(null));
        m.put("type", a.municipalityType().map(t -> t.label()).orElse(null));
        m.put("population", a.population().map(p -> String.format(Locale.GERMANY, "%,d", p)).orElse(null));
        m.put("icon", iris.icon(a.handle()).toString());
        m.put("recent", recent.stream().map(ProfilePage::recent).toList());
        m.put("feeds", feeds);
        return templates.render("actor", m);
    }

    public String renderInstance(LocalActor a) {
        Map<String, Object> m = base(a, List.of(), List.of(
                new Alternate(PageModel.ACTIVITY_JSON, iris.instanceActor().toString(), "ActivityStreams (JSON-LD)", null)));
        m.put("acct", "@" + iris.base().getHost() + "@" + iris.base().getRawAuthority());
        return templates.render("actor", m);
    }

    private Map<String, Object> base(LocalActor a, List<Nav> nav, List<Alternate> alternates) {
        Map<String, Object> m = PageModel.base(nodeName, a.displayName(), nav, alternates);
        m.put("name", a.displayName());
        m.put("paragraphs", a.summary().isBlank() ? new String[0] : a.summary().strip().split("\\R\\s*\\R"));
        m.put("published", a.published().toString().substring(0, 10));
        return m;
    }

    private static Recent recent(Content c) {
        var title = c.details().common().title();
        var day = c.published().atZone(GermanDates.GERMANY).toLocalDate();
        return new Recent(title == null ? c.kind().label() + " vom " + GermanDates.date(day) : title.de(), c.kind().label(),
                c.iri().toString(), GermanDates.date(day), c.published().toString());
    }
}
