package de.allmende.api.mastodon;

import de.allmende.api.login.AccountPages.Field;
import io.vertx.core.MultiMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parameters of {@code /oauth/authorize}: in the query of the app's request, then carried through the
 * login and consent forms as hidden fields, so no server state is needed until the person consents.
 */
record AuthorizeParams(String clientId, String redirectUri, String responseType, String scope, String state,
                       String codeChallenge, String codeChallengeMethod, String lang) {
    private static final List<String> NAMES = List.of("client_id", "redirect_uri", "response_type", "scope", "state",
            "code_challenge", "code_challenge_method", "lang");

    static AuthorizeParams from(MultiMap params) {
        return new AuthorizeParams(params.get("client_id"), params.get("redirect_uri"), params.get("response_type"),
                params.get("scope"), params.get("state"), params.get("code_challenge"), params.get("code_challenge_method"),
                params.get("lang"));
    }

    private List<String> values() {
        List<String> v = new ArrayList<>();
        v.add(clientId);
        v.add(redirectUri);
        v.add(responseType);
        v.add(scope);
        v.add(state);
        v.add(codeChallenge);
        v.add(codeChallengeMethod);
        v.add(lang);
        return v;
    }

    /** The hidden fields a form carries them in (those given). */
    List<Field> hidden() {
        List<Field> fields = new ArrayList<>();
        List<String> values = values();
        for (int i = 0; i < NAMES.size(); i++) if (values.get(i) != null) fields.add(new Field(NAMES.get(i), values.get(i)));
        return fields;
    }

    /** The query string of the page again (after the login form, the browser is sent back to it). */
    String query() {
        return hidden().stream().map(f -> f.name() + "=" + URLEncoder.encode(f.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
