package de.allmende.api.web;

import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every page's layout needs: titles, navigation and the alternate representations. */
final class PageModel {
    static final String ACTIVITY_JSON = "application/activity+json";
    static final String ATOM = "application/atom+xml";
    static final String CALENDAR = "text/calendar";

    /** A navigation entry. */
    record Nav(String label, String href) {}

    private PageModel() {}

    static Map<String, Object> base(String nodeName, String pageTitle, List<Nav> nav, List<Alternate> alternates) {
        Map<String, Object> m = new HashMap<>();
        m.put("nodeName", nodeName);
        m.put("pageTitle", pageTitle);
        m.put("nav", nav);
        m.put("alternates", alternates);
        return m;
    }

    /** The actor's feeds: everything, each kind, and the event calendar. */
    static List<Alternate> feeds(Iris iris, LocalActor a) {
        List<Alternate> feeds = new ArrayList<>();
        feeds.add(Alternate.of(ATOM, iris.feed(a.handle()).toString(), "Atom-Feed: alle Beiträge"));
        for (ContentKind k : ContentKind.values()) {
            feeds.add(Alternate.of(ATOM, iris.feed(a.handle(), k.plural()).toString(), "Atom-Feed: " + k.pluralLabel()));
        }
        feeds.add(Alternate.of(CALENDAR, iris.calendar(a.handle()).toString(), "Kalender (iCal): Veranstaltungen"));
        return feeds;
    }
}
