package de.allmende.api.mastodon;

import de.allmende.Services;
import de.allmende.api.Endpoint;
import de.allmende.api.login.AccountPages;
import de.allmende.api.login.BrowserCookies;
import de.allmende.api.login.PasswordHandler;
import de.allmende.api.web.Templates;
import de.allmende.service.client.NotificationReads;
import de.allmende.service.client.Search;
import de.allmende.domain.FileType;
import de.allmende.service.client.PollService;
import de.allmende.route.Route;
import io.vertx.core.Handler;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.RoutingContext;

/**
 * The Mastodon client API's handlers (issue 10): so far app registration and OAuth 2 with the login,
 * consent and password pages. JSON of this API is written only in this package.
 */
public final class MastodonHandlers {
    private final ClientAuth auth;
    private final AppsHandler apps;
    private final AuthorizeHandler authorize;
    private final TokenHandler token;
    private final UserInfoHandler userInfo;
    private final ServerMetadataHandler serverMetadata;
    private final PasswordHandler password;
    private final InstanceHandler instance;
    private final PreferencesHandler preferences = new PreferencesHandler();
    private final AccountsHandler accounts;
    private final StatusesHandler statuses;
    private final NotificationsHandler notifications;
    private final SearchHandler search;
    private final StatusWritesHandler statusWrites;
    private final de.allmende.api.streaming.StreamingHandler streaming;
    private final MediaHandler media;
    private final String uploadDirectory;
    private final PollsHandler polls;
    private final InteractionsHandler interactions;
    private final RelationsHandler relations;
    private final MarkersHandler markers;
    private final ListsHandler lists;
    private final TagsHandler tags;
    private final FiltersHandler filters;
    private final FiltersV1Handler filtersV1;
    private final ProfileHandler profile;
    private final ReportsHandler reports;
    private final PushHandler push;

    public MastodonHandlers(Services s, Templates templates) {
        AccountPages pages = new AccountPages(templates, s.config.nodeName());
        BrowserCookies cookies = new BrowserCookies(s.config.publicUrl());
        this.auth = new ClientAuth(s.oauthTokens);
        this.apps = new AppsHandler(s.oauthApps, s.vapid);
        this.authorize = new AuthorizeHandler(s.authorizations, s.logins, pages, cookies);
        this.token = new TokenHandler(s.oauthApps, s.oauthTokens);
        this.userInfo = new UserInfoHandler(s.iris);
        this.serverMetadata = new ServerMetadataHandler(s.iris);
        this.password = new PasswordHandler(s.people, pages, cookies);
        this.instance = new InstanceHandler(s.config, s.nodeInfo, s.vapid);
        var accountReads = new de.allmende.service.client.AccountReads(s.db, s.iris, s.config.publicUrl().getRawAuthority());
        var statusReads = new de.allmende.service.client.StatusReads(s.db, s.iris);
        AccountJson accountJson = new AccountJson(s.iris);
        StatusJson statusJson = new StatusJson(accountJson, s.iris);
        Paging paging = new Paging(s.iris);
        var filters = new de.allmende.service.client.Filters(s.db);
        FilteredPages filtered = new FilteredPages(statusJson, paging, new de.allmende.service.client.FilterMatcher(s.db));
        Viewers viewers = new Viewers(accountReads);
        this.accounts = new AccountsHandler(accountReads, statusReads, accountJson, filtered, paging);
        this.statuses = new StatusesHandler(accountReads, statusReads, statusJson, filtered);
        this.markers = new MarkersHandler(new de.allmende.service.client.Markers(s.db), viewers);
        this.lists = new ListsHandler(new de.allmende.service.client.Lists(s.db), statusReads, accountJson, filtered, paging, viewers);
        var hashtags = new de.allmende.service.client.Tags(s.db, s.clock);
        this.tags = new TagsHandler(hashtags, statusReads, statusJson, filtered, paging, viewers);
        this.filters = new FiltersHandler(filters, viewers);
        this.filtersV1 = new FiltersV1Handler(filters, viewers);
        NotificationReads notificationReads = new NotificationReads(s.db, statusReads);
        this.notifications = new NotificationsHandler(accountReads, notificationReads, accountJson, statusJson, paging);
        // Web Push: subscriptions per token; the consumer that pushes writes its payloads with the client API's JSON.
        this.push = new PushHandler(s.pushSubscriptions, s.vapid, viewers);
        s.pushDelivery.renderWith(new PushPayloadJson(notificationReads, accountJson));
        this.search = new SearchHandler(accountReads, new Search(s.db, s.iris, s.federation.lookup, statusReads, hashtags,
                s.config.publicUrl().getRawAuthority()), accountJson, statusJson);
        var statusWrites = new de.allmende.service.client.StatusWrites(s.db, s.iris, s.config.publicUrl().getRawAuthority(), s.notes,
                s.content, s.audit, statusReads);
        this.statusWrites = new StatusWritesHandler(accountReads, statusWrites, statusJson, accountJson);
        // This process's open streams hear what every process publishes from here on; statuses render as the timelines do.
        s.streamHub.renderNotificationsWith(notifications::streamed);
        s.streamHub.start(new StreamPayloads(statusReads, statusJson));
        this.streaming = new de.allmende.api.streaming.StreamingHandler(s.streamHub, accountReads);
        this.media = new MediaHandler(s.media);
        this.uploadDirectory = s.media.incomingDirectory().toString();
        this.polls = new PollsHandler(new PollService(s.db, statusReads, s.federation.directory, s.federation.outbox, s.iris, s.clock),
                accountReads);
        var statusActions = new de.allmende.service.client.StatusActions(s.db, accountReads, statusReads, s.likes, s.boosts, s.federation.outbox);
        var accountActions = new de.allmende.service.client.AccountActions(s.db, s.iris, accountReads, s.follows, s.followRequests,
                s.blocks, s.actors, s.config.publicUrl().getRawAuthority());
        this.interactions = new InteractionsHandler(statusActions, statusReads, accountReads, accounts, statusJson, paging);
        this.relations = new RelationsHandler(accountActions, accountReads, accounts, accountJson, paging);
        this.profile = new ProfileHandler(new de.allmende.service.client.ProfileEdits(s.db, s.media, s.profiles, s.audit),
                accountReads, accountJson, viewers);
        this.reports = new ReportsHandler(new de.allmende.service.ReportService(s.db, s.iris, s.federation.outbox, s.audit), accountReads,
                accountJson);
    }

    /** Start-up and organising reading: markers, lists, hashtags, filters (v2 and v1); bodies read where a call takes one. */
    public Endpoint organising(Route route) {
        return switch (route) {
            case MARKERS -> Endpoint.of(markers::get);
            case MARKERS_SAVE -> Endpoint.of(body(), markers::save);
            case LISTS -> Endpoint.of(lists::all);
            case LIST_CREATE -> Endpoint.of(body(), lists::create);
            case LIST -> Endpoint.of(lists::get);
            case LIST_UPDATE -> Endpoint.of(body(), lists::update);
            case LIST_DELETE -> Endpoint.of(ClientParams.bodyIfAny(), lists::delete);
            case LIST_ACCOUNTS -> Endpoint.of(lists::members);
            case LIST_ACCOUNTS_ADD -> Endpoint.of(body(), lists::addMembers);
            case LIST_ACCOUNTS_REMOVE -> Endpoint.of(ClientParams.bodyIfAny(), lists::removeMembers);
            case ACCOUNT_LISTS -> Endpoint.of(lists::ofAccount);
            case LIST_TIMELINE -> Endpoint.of(lists::timeline);
            case TAG -> Endpoint.of(tags::get);
            case TAG_FOLLOW -> Endpoint.of(body(), tags::follow);
            case TAG_UNFOLLOW -> Endpoint.of(body(), tags::unfollow);
            case FOLLOWED_TAGS -> Endpoint.of(tags::followed);
            case TAG_TIMELINE -> Endpoint.of(tags::timeline);
            case FILTERS -> Endpoint.of(filters::all);
            case FILTER_CREATE -> Endpoint.of(body(), filters::create);
            case FILTER -> Endpoint.of(filters::get);
            case FILTER_UPDATE -> Endpoint.of(body(), filters::update);
            case FILTER_DELETE -> Endpoint.of(ClientParams.bodyIfAny(), filters::delete);
            case FILTER_KEYWORDS -> Endpoint.of(filters::keywords);
            case FILTER_KEYWORD_ADD -> Endpoint.of(body(), filters::addKeyword);
            case FILTER_KEYWORD -> Endpoint.of(filters::keyword);
            case FILTER_KEYWORD_UPDATE -> Endpoint.of(body(), filters::updateKeyword);
            case FILTER_KEYWORD_DELETE -> Endpoint.of(ClientParams.bodyIfAny(), filters::deleteKeyword);
            case FILTER_STATUSES -> Endpoint.of(filters::statuses);
            case FILTER_STATUS_ADD -> Endpoint.of(body(), filters::addStatus);
            case FILTER_STATUS -> Endpoint.of(filters::status);
            case FILTER_STATUS_DELETE -> Endpoint.of(ClientParams.bodyIfAny(), filters::deleteStatus);
            case FILTERS_V1 -> Endpoint.of(filtersV1::all);
            case FILTER_V1_CREATE -> Endpoint.of(body(), filtersV1::create);
            case FILTER_V1 -> Endpoint.of(filtersV1::get);
            case FILTER_V1_UPDATE -> Endpoint.of(body(), filtersV1::update);
            case FILTER_V1_DELETE -> Endpoint.of(ClientParams.bodyIfAny(), filtersV1::delete);
            default -> throw new IllegalArgumentException(route + " is not one of the organising routes");
        };
    }

    public ClientAuth auth() { return auth; }
    public AuthorizeHandler authorize() { return authorize; }
    public PasswordHandler password() { return password; }
    public Handler<RoutingContext> instanceV2() { return instance::v2; }
    public Handler<RoutingContext> instanceV1() { return instance::v1; }
    /** Custom emojis and trends: none here, but apps call them at start. */
    public Handler<RoutingContext> emptyList() { return instance::emptyList; }
    public Handler<RoutingContext> preferences() { return preferences::preferences; }
    public Handler<RoutingContext> announcements() { return preferences::announcements; }
    /** The read path: accounts, statuses, timelines. */
    public AccountsHandler accounts() { return accounts; }
    public StatusesHandler statuses() { return statuses; }
    /** The municipality's profile, as an admin edits it from an app (multipart, with avatar and header). */
    public Handler<RoutingContext> updateCredentials() { return profile::updateCredentials; }
    /** Notifications and search (issue 10). */
    public NotificationsHandler notifications() { return notifications; }
    public SearchHandler search() { return search; }
    /** The write path: post, edit, delete statuses; their history and source. */
    public StatusWritesHandler statusWrites() { return statusWrites; }
    /** Streaming: a WebSocket and server-sent events. */
    public de.allmende.api.streaming.StreamingHandler streaming() { return streaming; }
    /** Uploads and descriptions of media, polls and votes. */
    public MediaHandler media() { return media; }
    public PollsHandler polls() { return polls; }
    /** Web Push subscriptions. */
    public PushHandler push() { return push; }

    /**
     * Bodies of uploads: files are written to the media folder's incoming directory as they arrive (the same file
     * system, so keeping one is a move) and removed when the request ends, kept or not; the largest file any type
     * allows plus room for the form's other fields.
     */
    public Handler<RoutingContext> uploads() {
        return BodyHandler.create(uploadDirectory).setBodyLimit(FileType.largestAllowed() + 64 * 1024).setDeleteUploadedFilesOnEnd(true);
    }
    /** Interactions: favourites, boosts, bookmarks, pins; follows, blocks, mutes, notes, hidden domains. */
    public InteractionsHandler interactions() { return interactions; }
    public RelationsHandler relations() { return relations; }
    /** Reports about accounts and their posts (forwarded to their servers as a Flag when asked). */
    public ReportsHandler reports() { return reports; }
    public Handler<RoutingContext> serverMetadata() { return serverMetadata; }
    public Handler<RoutingContext> userInfo() { return OAuthAnswers.answering(userInfo::handle); }
    public Handler<RoutingContext> createApp() { return OAuthAnswers.answering(apps::create); }
    public Handler<RoutingContext> verifyApp() { return OAuthAnswers.answering(apps::verifyCredentials); }
    public Handler<RoutingContext> token() { return OAuthAnswers.answering(token::token); }
    public Handler<RoutingContext> revoke() { return OAuthAnswers.answering(token::revoke); }

    /** Bodies of app registration, token and form requests: small. */
    public Handler<RoutingContext> body() { return ClientParams.body(); }
}
