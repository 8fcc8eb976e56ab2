package de.allmende.api.mastodon;

import de.allmende.api.Responses;
import de.allmende.domain.oauth.IssuedAccessToken;
import de.allmende.domain.oauth.OAuthApp;
import de.allmende.domain.oauth.OAuthError;
import de.allmende.service.oauth.OAuthApps;
import de.allmende.service.oauth.OAuthTokens;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code POST /oauth/token} (authorization_code with PKCE, client_credentials; the password grant is gone
 * as in Mastodon) and {@code POST /oauth/revoke}. The client authenticates with HTTP Basic
 * (client_secret_basic) or {@code client_id}/{@code client_secret} in the body (client_secret_post).
 */
public final class TokenHandler {
    private final OAuthApps apps;
    private final OAuthTokens tokens;

    TokenHandler(OAuthApps apps, OAuthTokens tokens) {
        this.apps = apps;
        this.tokens = tokens;
    }

    public void token(RoutingContext ctx) {
        ClientParams p = ClientParams.of(ctx);
        String grantType = p.get("grant_type");
        if (grantType == null) throw OAuthError.invalidRequest("grant_type is missing.");
        OAuthApp app = client(ctx, p);
        IssuedAccessToken issued = switch (grantType) {
            case "authorization_code" -> tokens.exchangeCode(app, p.get("code"), p.get("redirect_uri"), p.get("code_verifier"));
            case "client_credentials" -> tokens.clientCredentials(app, p.get("scope"));
            default -> throw OAuthError.unsupportedGrantType();
        };
        OAuthAnswers.json(ctx, 200, Responses.JSON.createObjectNode()
                .put("access_token", issued.secret())
                .put("token_type", "Bearer")
                .put("scope", issued.scopes().text())
                .put("created_at", issued.created().getEpochSecond()));
    }

    public void revoke(RoutingContext ctx) {
        ClientParams p = ClientParams.of(ctx);
        tokens.revoke(client(ctx, p), p.get("token"));
        OAuthAnswers.json(ctx, 200, Responses.JSON.createObjectNode());
    }

    /** The authenticated client: Basic first (RFC 6749 §2.3.1, each part form-encoded), else the body's fields. */
    private OAuthApp client(RoutingContext ctx, ClientParams p) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.length() > 6 && header.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidClient();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) throw OAuthError.invalidClient();
            return apps.authenticate(formDecode(decoded.substring(0, colon)), formDecode(decoded.substring(colon + 1)));
        }
        return apps.authenticate(p.get("client_id"), p.get("client_secret"));
    }

    private static String formDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient();
        }
    }
}
