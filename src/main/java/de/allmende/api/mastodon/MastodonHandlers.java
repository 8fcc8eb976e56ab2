package de.allmende.api.mastodon;

import de.allmende.Services;
import de.allmende.api.login.AccountPages;
import de.allmende.api.login.BrowserCookies;
import de.allmende.api.login.PasswordHandler;
import de.allmende.api.web.Templates;
import io.vertx.core.Handler;
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
        StatusJson statusJson = new StatusJson(accountJson, s.iris);
        Paging paging = new Paging(s.iris);
        this.accounts = new AccountsHandler(accountReads, statusReads, accountJson, statusJson, paging);
        this.statuses = new StatusesHandler(accountReads, statusReads, statusJson, paging);
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
