package de.allmende.api;

import de.allmende.Services;
import de.allmende.api.activitypub.ActorHandler;
import de.allmende.api.activitypub.AuthorizedFetch;
import de.allmende.api.activitypub.CollectionHandler;
import de.allmende.api.activitypub.InboxHandler;
import de.allmende.api.activitypub.ObjectHandler;
import de.allmende.api.feed.CalendarHandler;
import de.allmende.api.feed.ContentToAtom;
import de.allmende.api.feed.EventsToICal;
import de.allmende.api.feed.FeedHandler;
import de.allmende.api.ops.HealthHandler;
import de.allmende.api.ops.MetricsHandler;
import de.allmende.api.staff.StaffHandlers;
import de.allmende.api.web.IconHandler;
import de.allmende.api.web.MediaFileHandler;
import de.allmende.api.web.ObjectPages;
import de.allmende.api.web.ProfilePage;
import de.allmende.api.web.Templates;
import de.allmende.api.wellknown.HostMetaHandler;
import de.allmende.api.wellknown.NodeInfoHandler;
import de.allmende.api.wellknown.WebFingerHandler;
import de.allmende.federation.json.LocalActorToAs;

import java.util.Optional;

/**
 * The node's HTTP handlers, made once and shared by all HTTP verticle instances (they are stateless
 * or thread-safe; the template engine and caches should exist once, not per instance).
 */
public record HttpHandlers(
        WebFingerHandler webFinger,
        HostMetaHandler hostMeta,
        NodeInfoHandler nodeInfo,
        ActorHandler actors,
        CollectionHandler collections,
        ObjectHandler objects,
        FeedHandler feeds,
        CalendarHandler calendar,
        de.allmende.api.directory.DirectoryHandler directory,
        de.allmende.api.statistics.StatisticsHandler statistics,
        InboxHandler inbox,
        IconHandler icons,
        MediaFileHandler mediaFiles,
        de.allmende.api.search.SearchHandlers search,
        de.allmende.api.search.ExportHandlers exports,
        StaffHandlers staff,
        de.allmende.api.mastodon.MastodonHandlers mastodon,
        Optional<AuthorizedFetch> authorizedFetch,
        HealthHandler health,
        MetricsHandler metrics,
        FailureHandler failures,
        de.allmende.api.server.Admission remoteWork,
        de.allmende.api.server.RefusalPenalty refusals,
        DocumentCache documents) {

    public static HttpHandlers create(Services s) {
        var iris = s.iris;
        Templates templates = new Templates();
        // Documents are kept only while this process hears every change (see DocumentCache).
        s.db.listenForChanges();
        DocumentCache documents = new DocumentCache(s.db.changes(), s.config.authorizedFetch());
        return new HttpHandlers(
                new WebFingerHandler(iris, s.actors, documents),
                new HostMetaHandler(iris),
                new NodeInfoHandler(iris, s.nodeInfo, s.config.nodeName(), documents),
                new ActorHandler(s.actors, s.keys, new LocalActorToAs(iris), new ProfilePage(templates, iris, s.config.nodeName()),
                        s.content, iris, documents),
                new CollectionHandler(s.db, iris, s.actors, documents),
                new ObjectHandler(s.db, iris, new ObjectPages(templates, iris, s.config.nodeName(), s.content, s.actors), documents),
                new FeedHandler(s.actors, s.content, new ContentToAtom(iris), new EventsToICal(iris), s.clock),
                calendar(s, templates),
                directory(s, templates),
                statistics(s, templates),
                new InboxHandler(s.federation.inbox, s.federation.relay, s.actors, iris),
                new IconHandler(s.actors),
                new MediaFileHandler(s.media),
                new de.allmende.api.search.SearchHandlers(s.search, new de.allmende.api.web.SearchPage(templates, s.config.nodeName())),
                new de.allmende.api.search.ExportHandlers(new de.allmende.service.search.SearchExport(s.db, s.search, iris), iris,
                        s.config.nodeName(), s.clock),
                new StaffHandlers(s),
                new de.allmende.api.mastodon.MastodonHandlers(s, templates),
                s.config.authorizedFetch()
                        ? Optional.of(new AuthorizedFetch(s.federation.resolver, s.moderation, iris, s.clock))
                        : Optional.empty(),
                new HealthHandler(s.db),
                new MetricsHandler(s.config.metricsToken()),
                new FailureHandler(),
                new de.allmende.api.server.Admission(s.config.httpLimits().maxConcurrentRequests()),
                new de.allmende.api.server.RefusalPenalty(s.config.httpLimits().refusalsPerAddressPerSecond()),
                documents);
    }

    /** The merged calendar: its page shares the node's templates; its texts serve page, feeds and errors alike. */
    private static CalendarHandler calendar(Services s, Templates templates) {
        var texts = new de.allmende.api.web.CalendarTexts();
        return new CalendarHandler(s.calendar, new de.allmende.api.web.CalendarPage(templates, texts, s.config.nodeName()), texts,
                s.iris.base());
    }

    /** The network's directory: its page shares the node's templates, its texts are made like the calendar's. */
    private static de.allmende.api.directory.DirectoryHandler directory(Services s, Templates templates) {
        var texts = new de.allmende.api.web.CalendarTexts("i18n.directory");
        return new de.allmende.api.directory.DirectoryHandler(new de.allmende.service.DirectoryService(s.db, s.iris, s.iris.base()),
                new de.allmende.api.web.DirectoryPage(templates, texts, s.config.nodeName()), texts, s.iris.base());
    }

    /** The statistics dashboard: its page shares the node's templates; municipalities per Land come from the directory. */
    private static de.allmende.api.statistics.StatisticsHandler statistics(Services s, Templates templates) {
        var texts = new de.allmende.api.web.CalendarTexts("i18n.statistics");
        return new de.allmende.api.statistics.StatisticsHandler(s.statistics,
                new de.allmende.api.web.StatisticsPage(templates, texts, s.config.nodeName()), texts);
    }
}
