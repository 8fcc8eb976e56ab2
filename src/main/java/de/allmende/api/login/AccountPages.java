package de.allmende.api.login;

import de.allmende.api.Responses;
import de.allmende.api.web.Templates;
import io.vertx.ext.web.RoutingContext;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The login, consent and password pages: server-rendered, usable without JavaScript, in German or
 * English ({@code i18n/accounts_*.properties}), never cached. Every text reaches the template escaped.
 */
public final class AccountPages {
    private final Templates templates;
    private final String nodeName;
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    public AccountPages(Templates templates, String nodeName) {
        this.templates = templates;
        this.nodeName = nodeName;
        for (String lang : PageLanguage.SUPPORTED) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.accounts", Locale.forLanguageTag(lang),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> map = new HashMap<>();
            bundle.keySet().forEach(k -> map.put(k, bundle.getString(k)));
            texts.put(lang, Map.copyOf(map));
        }
    }

    public String nodeName() {
        return nodeName;
    }

    /** A page in the request's language. */
    public Page page(RoutingContext ctx) {
        return new Page(PageLanguage.of(ctx));
    }

    /** A hidden form field. */
    public record Field(String name, String value) {}

    public final class Page {
        private final String lang;

        Page(String lang) {
            this.lang = lang;
        }

        public String lang() { return lang; }

        /** A text of this language; {@code {0}}… filled with {@code args}. */
        public String text(String key, Object... args) {
            String pattern = texts.get(lang).getOrDefault(key, key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(args);
        }

        /** Renders {@code template} with a title, an optional alert {@code message} and the page's own values. */
        public void render(RoutingContext ctx, int status, String template, String titleKey, String message, Map<String, Object> values) {
            Map<String, Object> model = new HashMap<>(values);
            model.put("lang", lang);
            model.put("t", texts.get(lang));
            model.put("nodeName", nodeName);
            model.put("title", text(titleKey));
            model.put("message", message == null ? "" : message);
            ctx.response().putHeader("Cache-Control", "no-store");
            Responses.html(ctx, status, templates.render(template, model));
        }

        /** A page with a title and one sentence (or an alert), e.g. an error. */
        public void message(RoutingContext ctx, int status, String titleKey, String alert, String intro) {
            render(ctx, status, "accounts/message", titleKey, alert, Map.of("intro", intro == null ? "" : intro, "hidden", List.of()));
        }
    }
}
