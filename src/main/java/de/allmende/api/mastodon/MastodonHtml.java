package de.allmende.api.mastodon;

import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Status HTML as Mastodon 4.2+ hands it to apps (its sanitizer, docs.joinmastodon.org/spec/activitypub/#sanitization):
 * paragraphs, line breaks, emphasis, lists, quotes and code; links and spans with the microformat classes and
 * Mastodon's own ({@code mention}, {@code hashtag}, {@code ellipsis}, {@code invisible}), so apps find mentions and
 * hashtags and shorten links as they do on Mastodon. Headings become paragraphs. Everything else goes.
 */
final class MastodonHtml {
    private static final List<String> CLASS_PREFIXES = List.of("h-", "p-", "u-", "dt-", "e-");
    private static final List<String> CLASSES = List.of("mention", "hashtag", "ellipsis", "invisible");

    /** Keeps only the class names Mastodon keeps; an attribute left empty is dropped. */
    private static final AttributePolicy KNOWN_CLASSES = (element, attribute, value) -> {
        String kept = Arrays.stream(value.trim().split("\\s+"))
                .filter(c -> CLASSES.contains(c) || CLASS_PREFIXES.stream().anyMatch(c::startsWith))
                .collect(Collectors.joining(" "));
        return kept.isEmpty() ? null : kept;
    };

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "span", "a", "del", "pre", "blockquote", "code", "b", "strong", "u", "i", "em", "ul", "ol", "li")
            .allowElements((name, attrs) -> "p", "h1", "h2", "h3", "h4", "h5", "h6")
            .allowWithoutAttributes("span")
            .allowAttributes("href").onElements("a")
            .allowAttributes("class").matching(KNOWN_CLASSES).onElements("a", "span")
            .allowAttributes("translate").matching(false, "no").onElements("a", "span")
            .allowAttributes("start", "reversed").onElements("ol")
            .allowAttributes("value").onElements("li")
            .allowUrlProtocols("http", "https", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "xmpp", "magnet", "gemini")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowAttributes("target").matching(false, "_blank").onElements("a")
            .toFactory();

    private MastodonHtml() {}

    static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
