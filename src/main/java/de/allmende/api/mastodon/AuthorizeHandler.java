package de.allmende.api.mastodon;

import de.allmende.api.SecurityHeaders;
import de.allmende.api.login.AccountPages;
import de.allmende.api.login.AccountPages.Field;
import de.allmende.api.login.BrowserCookies;
import de.allmende.api.login.ClientAddress;
import de.allmende.domain.oauth.OAuthApp;
import de.allmende.domain.oauth.OAuthError;
import de.allmende.domain.people.Lockout;
import de.allmende.domain.people.LoginResult;
import de.allmende.domain.people.Person;
import de.allmende.route.Route;
import de.allmende.service.oauth.AuthorizationRequest;
import de.allmende.service.oauth.Authorizations;
import de.allmende.service.people.LoginService;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /oauth/authorize}: the page an app opens in the browser. Without a session it asks for username
 * (or e-mail) and password; with one, for consent and the municipality to act as. The forms post back here,
 * with the request's parameters as hidden fields and a CSRF token. Approval sends the browser to the app's
 * redirect URI with a code (or, out of band, shows the code).
 */
public final class AuthorizeHandler {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final Authorizations authorizations;
    private final LoginService logins;
    private final AccountPages pages;
    private final BrowserCookies cookies;
    private final ScopeTexts scopeTexts = new ScopeTexts();

    AuthorizeHandler(Authorizations authorizations, LoginService logins, AccountPages pages, BrowserCookies cookies) {
        this.authorizations = authorizations;
        this.logins = logins;
        this.pages = pages;
        this.cookies = cookies;
    }

    public void show(RoutingContext ctx) {
        AccountPages.Page page = pages.page(ctx);
        AuthorizeParams params = AuthorizeParams.from(ctx.request().params());
        Optional<AuthorizationRequest> request = check(ctx, page, params);
        if (request.isEmpty()) return;
        boolean forceLogin = "true".equals(ctx.request().getParam("force_login"));
        Optional<Person> person = forceLogin ? Optional.empty() : logins.sessionPerson(cookies.session(ctx));
        if (person.isPresent()) consent(ctx, page, params, request.get(), person.get());
        else login(ctx, page, 200, params, request.get(), "", null);
    }

    public void submit(RoutingContext ctx) {
        AccountPages.Page page = pages.page(ctx);
        var form = ctx.request().formAttributes();
        if (!cookies.csrfMatches(ctx, form.get("csrf"))) {
            page.message(ctx, 403, "error.title", page.text("error.csrf"), null);
            return;
        }
        AuthorizeParams params = AuthorizeParams.from(form);
        Optional<AuthorizationRequest> request = check(ctx, page, params);
        if (request.isEmpty()) return;
        switch (String.valueOf(form.get("step"))) {
            case "login" -> login(ctx, page, params, request.get(), form.get("username"), form.get("password"));
            case "approve" -> approve(ctx, page, params, request.get(), form.get("municipality"));
            case "deny" -> redirect(ctx, request.get().redirectUri(), List.of(new Field("error", "access_denied"),
                    new Field("error_description", "The resource owner or authorization server denied the request.")), request.get().state());
            default -> login(ctx, page, 400, params, request.get(), "", null);
        }
    }

    /** The request checked; errors about the app or its redirect URI shown here, others sent to the app. */
    private Optional<AuthorizationRequest> check(RoutingContext ctx, AccountPages.Page page, AuthorizeParams p) {
        OAuthApp app;
        try {
            app = authorizations.client(p.clientId(), p.redirectUri());
        } catch (OAuthError e) {
            page.message(ctx, 400, "error.title", e.description(), null);
            return Optional.empty();
        }
        try {
            return Optional.of(authorizations.request(app, p.redirectUri(), p.responseType(), p.scope(), p.state(),
                    p.codeChallenge(), p.codeChallengeMethod()));
        } catch (OAuthError e) {
            String redirect = p.redirectUri() == null ? app.redirectUris().getFirst() : p.redirectUri();
            if (redirect.equals(OAuthApp.OUT_OF_BAND)) page.message(ctx, 400, "error.title", e.description(), null);
            else redirect(ctx, redirect, List.of(new Field("error", e.code()), new Field("error_description", e.description())),
                    Optional.ofNullable(p.state()));
            return Optional.empty();
        }
    }

    private void login(RoutingContext ctx, AccountPages.Page page, AuthorizeParams p, AuthorizationRequest request,
                       String username, String password) {
        switch (logins.login(username, password, ClientAddress.of(ctx))) {
            case LoginResult.Success s -> {
                cookies.startSession(ctx, s.sessionSecret(), logins.sessionLifetime().toSeconds());
                ctx.response().setStatusCode(303).putHeader("Location", Route.OAUTH_AUTHORIZE.path() + "?" + p.query()).end();
            }
            case LoginResult.Refused r -> login(ctx, page, 401, p, request, username, page.text("login.refused"));
            case LoginResult.LockedOut l -> {
                String key = l.lockout().subject() == Lockout.Subject.ACCOUNT ? "login.locked.account" : "login.locked.address";
                long seconds = Duration.between(Instant.now(), l.lockout().until()).toSeconds();
                ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, seconds)));
                login(ctx, page, 429, p, request, username, page.text(key, CLOCK.format(l.lockout().until())));
            }
        }
    }

    private void approve(RoutingContext ctx, AccountPages.Page page, AuthorizeParams p, AuthorizationRequest request, String municipality) {
        Optional<Person> person = logins.sessionPerson(cookies.session(ctx));
        if (person.isEmpty()) {
            login(ctx, page, 401, p, request, "", null);
            return;
        }
        long actorId;
        try {
            actorId = Long.parseLong(String.valueOf(municipality));
        } catch (NumberFormatException e) {
            consent(ctx, page, p, request, person.get());
            return;
        }
        String code;
        try {
            code = authorizations.issueCode(request, person.get(), actorId);
        } catch (OAuthError e) {
            page.message(ctx, 403, "error.title", e.description(), null);
            return;
        }
        if (request.isOutOfBand()) {
            page.render(ctx, 200, "accounts/message", "code.title", null, Map.of("intro", page.text("code.intro"), "code", code));
        } else {
            redirect(ctx, request.redirectUri(), List.of(new Field("code", code)), request.state());
        }
    }

    private void login(RoutingContext ctx, AccountPages.Page page, int status, AuthorizeParams p, AuthorizationRequest request,
                       String username, String message) {
        page.render(ctx, status, "accounts/login", "login.title", message, Map.of(
                "intro", page.text("login.intro", request.app().name(), pages.nodeName()),
                "action", Route.OAUTH_AUTHORIZE_FORM.path(),
                "username", username == null ? "" : username,
                "hidden", withCsrf(ctx, p)));
    }

    private void consent(RoutingContext ctx, AccountPages.Page page, AuthorizeParams p, AuthorizationRequest request, Person person) {
        List<Map<String, Object>> municipalities = new ArrayList<>();
        person.memberships().forEach(m -> municipalities.add(Map.of("id", m.municipality().id(),
                "name", m.municipality().displayName(), "handle", m.municipality().handle())));
        if (!request.isOutOfBand()) SecurityHeaders.allowFormTarget(ctx, URI.create(request.redirectUri()));
        page.render(ctx, 200, "accounts/consent", "consent.title", null, Map.of(
                "intro", page.text("consent.intro", request.app().name(), person.username()),
                "action", Route.OAUTH_AUTHORIZE_FORM.path(),
                "scopes", scopeTexts.describe(page, request.scopes()),
                "municipalities", municipalities,
                "hidden", withCsrf(ctx, p)));
    }

    private List<Field> withCsrf(RoutingContext ctx, AuthorizeParams p) {
        List<Field> fields = new ArrayList<>(p.hidden());
        fields.add(new Field("csrf", cookies.csrfToken(ctx)));
        return fields;
    }

    /** 303 to the app's redirect URI with {@code values} added to its query (RFC 6749 §4.1.2). */
    private static void redirect(RoutingContext ctx, String redirectUri, List<Field> values, Optional<String> state) {
        StringBuilder target = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        List<Field> all = new ArrayList<>(values);
        state.ifPresent(s -> all.add(new Field("state", s)));
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) target.append('&');
            target.append(all.get(i).name()).append('=').append(URLEncoder.encode(all.get(i).value(), StandardCharsets.UTF_8));
        }
        ctx.response().setStatusCode(303).putHeader("Location", target.toString()).putHeader("Cache-Control", "no-store").end();
    }
}
