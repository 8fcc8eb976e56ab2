package de.allmende.testkit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, as a person uses the login pages: keeps cookies, follows no redirect by
 * itself (tests look at each), fills and submits a page's form with its hidden fields.
 */
public final class LoginBrowser {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String language;
    private final String forwardedFor;

    /** A browser whose Accept-Language is {@code language}. */
    public LoginBrowser(String language) {
        this(language, null);
    }

    /** A browser behind a reverse proxy on the node's machine, which says it came from {@code forwardedFor}. */
    public LoginBrowser(String language, String forwardedFor) {
        this.language = language;
        this.forwardedFor = forwardedFor;
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Submits the page's one form: its hidden fields and checked choices, then {@code fields}, to its action on {@code base}. */
    public HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) {
        Document doc = Jsoup.parse(page.body());
        Element form = doc.selectFirst("form");
        if (form == null) throw new AssertionError("no form on the page: " + page.body());
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden], input[type=radio][checked]")) values.put(input.attr("name"), input.attr("value"));
        values.putAll(fields);
        URI action = page.uri().resolve(form.attr("action"));
        return post(action.toString(), values);
    }

    public HttpResponse<String> post(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows one redirect on the same site. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        return get(redirect.uri().resolve(redirect.headers().firstValue("Location").orElseThrow()).toString());
    }

    /** A page's hidden form field. */
    public static String hidden(HttpResponse<String> page, String name) {
        Element e = Jsoup.parse(page.body()).selectFirst("input[type=hidden][name=" + name + "]");
        return e == null ? null : e.attr("value");
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            if (forwardedFor != null) b.header("X-Forwarded-For", "198.51.100.99, " + forwardedFor);
            return http.send(b.header("Accept-Language", language).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
