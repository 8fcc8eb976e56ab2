package de.allmende.api.login;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language of the login and search pages: German or English, from the {@code lang} parameter Mastodon apps may
 * send, else the browser's Accept-Language preferences; German when neither says.
 */
public final class PageLanguage {
    static final Set<String> SUPPORTED = Set.of("de", "en");

    private PageLanguage() {}

    public static String of(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String param = request.getParam("lang");
        if (param != null) {
            String base = param.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
            if (SUPPORTED.contains(base)) return base;
        }
        List<LanguageHeader> preferred = ctx.acceptableLanguages(); // sorted by weight
        for (LanguageHeader l : preferred) {
            String base = l.tag().toLowerCase(Locale.ROOT);
            if (SUPPORTED.contains(base)) return base;
        }
        return "de";
    }
}
