package de.allmende.content;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown as staff write it → HTML that is safe everywhere we and others show it. commonmark-java
 * renders (raw HTML in the source is escaped, not passed through), the OWASP sanitizer then keeps
 * only what Mastodon 4.2+ keeps plus h2–h4, so our pages and remote servers show the same thing.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).softbreak("<br>").build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    private static final Pattern HEADING = Pattern.compile("<(/?)h([1-6])>");
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "b", "i", "u", "del", "code", "pre", "ul", "ol", "li", "blockquote",
                    "h2", "h3", "h4", "a")
            .allowAttributes("start").onElements("ol")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("https", "http", "mailto")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private Markdown() {}

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        String html = RENDERER.render(PARSER.parse(markdown));
        return sanitize(shiftHeadings(html)).strip();
    }

    /** Markdown → plain text (markup dropped, link targets kept in parentheses), e.g. for iCalendar descriptions. */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        return TEXT.render(PARSER.parse(markdown)).strip();
    }

    /** Sanitises HTML that did not come from our renderer (e.g. remote content shown on our pages). */
    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /** The page title is the only h1: authored headings start at h2. */
    private static String shiftHeadings(String html) {
        Matcher m = HEADING.matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int level = Math.min(4, Integer.parseInt(m.group(2)) + 1);
            m.appendReplacement(sb, "<" + m.group(1) + "h" + level + ">");
        }
        return m.appendTail(sb).toString();
    }
}
