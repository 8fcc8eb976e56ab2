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
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    /** What CommonMark lets a backslash escape and could otherwise mean markup. */
    private static final String MARKDOWN_PUNCTUATION = "\\`*_{}[]<>()#+-.!|~&";
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

    /**
     * Plain text as a person typed it (in a Mastodon app) → Markdown that renders as typed: punctuation escaped, so
     * nothing turns into emphasis, headings or lists; lines without leading spaces (no code blocks); links as autolinks.
     */
    public static String fromPlainText(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String l = line.stripLeading();
            Matcher m = LINK.matcher(l);
            int at = 0;
            while (m.find()) {
                String url = m.group().replaceAll("[.,:;!?'\")]+$", "");
                sb.append(escapePunctuation(l.substring(at, m.start()))).append('<').append(url).append('>');
                at = m.start() + url.length();
            }
            sb.append(escapePunctuation(l.substring(at))).append('\n');
        }
        return sb.toString().strip();
    }

    private static String escapePunctuation(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && MARKDOWN_PUNCTUATION.indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
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
