package de.allmende.api.mastodon;

import de.allmende.Services;
import de.allmende.api.login.AccountPages;
import de.allmende.api.login.BrowserCookies;
import de.allmende.api.login.PasswordHandler;
import de.allmende.api.web.Templates;
import de.allmende.service.client.NotificationReads;
import de.allmende.service.client.Search;
import de.allmende.domain.FileType;
import de.allmende.service.client.PollService;
import de.allmende.store.PollStore;
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

    public MastodonHandlers(Services s, Templates templates) {
        AccountPages pages = new AccountPages(templates, s.config.nodeName());
        BrowserCookies cookies = new BrowserCookies(s.config.publicUrl());
        this.auth = new ClientAuth(s.oauthTokens);
        this.apps = new AppsHandler(s.oauthApps);
        this.authorize = new AuthorizeHandler(s.authorizations, s.logins, pages, cookies);
        this.token = new TokenHandler(s.oauthApps, s.oauthTokens);
        this.userInfo = new UserInfoHandler(s.iris);
        this.serverMetadata = new ServerMetadataHandler(s.iris);
        this.password = new PasswordHandler(s.people, pages, cookies);
        this.instance = new InstanceHandler(s.config, s.nodeInfo);
        var accountReads = new de.allmende.service.client.AccountReads(s.db, s.iris, s.config.publicUrl().getRawAuthority());
        var statusReads = new de.allmende.service.client.StatusReads(s.db, s.iris);
        AccountJson accountJson = new AccountJson(s.iris);
        PollStore pollStore = new PollStore();
        StatusJson statusJson = new StatusJson(accountJson, s.iris, id -> pollStore.find(s.db.dsl(), id));
        Paging paging = new Paging(s.iris);
        this.accounts = new AccountsHandler(accountReads, statusReads, accountJson, statusJson, paging);
        this.statuses = new StatusesHandler(accountReads, statusReads, statusJson, paging);
        this.notifications = new NotificationsHandler(accountReads, new NotificationReads(s.db, statusReads), accountJson, statusJson, paging);
        this.search = new SearchHandler(accountReads, new Search(s.db, s.iris, s.federation.lookup, statusReads,
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
    public Handler<RoutingContext> serverMetadata() { return serverMetadata; }
    public Handler<RoutingContext> userInfo() { return OAuthAnswers.answering(userInfo::handle); }
    public Handler<RoutingContext> createApp() { return OAuthAnswers.answering(apps::create); }
    public Handler<RoutingContext> verifyApp() { return OAuthAnswers.answering(apps::verifyCredentials); }
    public Handler<RoutingContext> token() { return OAuthAnswers.answering(token::token); }
    public Handler<RoutingContext> revoke() { return OAuthAnswers.answering(token::revoke); }

    /** Bodies of app registration, token and form requests: small. */
    public Handler<RoutingContext> body() { return ClientParams.body(); }
}
