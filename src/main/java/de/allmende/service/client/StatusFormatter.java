package de.allmende.service.client;

import de.allmende.support.Html;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A status as a person types it in an app (plain text) → the HTML Mastodon makes of it (its TextFormatter): blank
 * lines separate paragraphs, single newlines break lines; links, mentions of accounts this node knows and hashtags
 * become links with Mastodon's classes, so apps show them as they show Mastodon's own. A mention of an account not
 * known here stays text.
 */
public final class StatusFormatter {
    /** Mastodon's Account::MENTION_RE: not after a word character, '/' or '='; the host part is optional (and may name a port). */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![=/\\w])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([\\w.-]+\\w(?::\\d{1,5})?))?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** Mastodon's Tag::HASHTAG_RE, simplified: letters, digits and '_', at least one not a digit. */
    private static final Pattern HASHTAG = Pattern.compile("(?<![=/)\\w])#([\\w]*[\\p{L}_][\\w]*)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern URL = Pattern.compile("(?<![\\w@/])https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    /** Mentions (groups 1, 2) and hashtags (group 3) in one pass, in the order they stand. */
    private static final Pattern ENTITY = Pattern.compile(MENTION.pattern() + "|" + HASHTAG.pattern(),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final String TRAILING = ".,:;!?'\"";
    /** How much of a link's text Mastodon shows before an ellipsis. */
    private static final int SHOWN = 30;
    /** What a link counts towards the length limit, whatever its length (instance: characters_reserved_per_url). */
    public static final int URL_LENGTH = 23;

    private StatusFormatter() {}

    /** An account a mention names: its actor IRI, its profile page (the link), its username. */
    public record Mention(URI actor, URI profile, String username) {}

    /** Finds the account {@code @username} or {@code @username@host} names, if this node knows it. */
    @FunctionalInterface
    public interface Mentions {
        Optional<Mention> find(String username, Optional<String> host);
    }

    /**
     * The HTML, the accounts mentioned (in order, once each), the hashtags (as written, once each) and the length
     * Mastodon counts: links count {@value #URL_LENGTH}, a mention only its {@code @username}.
     */
    public record Formatted(String html, List<Mention> mentions, List<String> hashtags, int length) {}

    /** Formats {@code text}; {@code tagUrl} is where a hashtag links to. */
    public static Formatted format(String text, Mentions mentions, Function<String, URI> tagUrl) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        Set<Mention> mentioned = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        StringBuilder html = new StringBuilder();
        for (String paragraph : normalized.split("\n\\s*\n")) {
            if (paragraph.isBlank()) continue;
            html.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) html.append("<br />");
                line(lines[i], mentions, tagUrl, mentioned, tags, html);
            }
            html.append("</p>");
        }
        return new Formatted(html.toString(), List.copyOf(mentioned), List.copyOf(tags), length(normalized));
    }

    /** The length Mastodon counts (StatusLengthValidator): links as {@value #URL_LENGTH}, mentions without their host. */
    public static int length(String text) {
        String countable = URL.matcher(text).replaceAll("x".repeat(URL_LENGTH));
        countable = MENTION.matcher(countable).replaceAll(m -> Matcher.quoteReplacement("@" + m.group(1)));
        return countable.codePointCount(0, countable.length());
    }

    private static void line(String line, Mentions mentions, Function<String, URI> tagUrl, Set<Mention> mentioned, Set<String> tags,
                             StringBuilder html) {
        List<int[]> links = new ArrayList<>();
        Matcher url = URL.matcher(line);
        while (url.find()) {
            int end = url.start() + trimmed(url.group());
            if (end > url.start() + url.group().indexOf("://") + 3) links.add(new int[]{url.start(), end}); // a host, not a bare scheme
        }
        int at = 0;
        for (int[] link : links) {
            entities(line.substring(at, link[0]), mentions, tagUrl, mentioned, tags, html);
            html.append(link(line.substring(link[0], link[1])));
            at = link[1];
        }
        entities(line.substring(at), mentions, tagUrl, mentioned, tags, html);
    }

    /** Mentions and hashtags in text that holds no link. */
    private static void entities(String text, Mentions mentions, Function<String, URI> tagUrl, Set<Mention> mentioned, Set<String> tags,
                                 StringBuilder html) {
        Matcher m = ENTITY.matcher(text);
        int at = 0;
        while (m.find()) {
            String replacement = null;
            if (m.group(1) != null) {
                Optional<Mention> found = mentions.find(m.group(1), Optional.ofNullable(m.group(2)));
                if (found.isPresent()) {
                    mentioned.add(found.get());
                    replacement = "<span class=\"h-card\" translate=\"no\"><a href=\"" + Html.escape(found.get().profile().toString())
                            + "\" class=\"u-url mention\">@<span>" + Html.escape(found.get().username()) + "</span></a></span>";
                }
            } else {
                String tag = m.group(3);
                if (tags.stream().noneMatch(t -> t.equalsIgnoreCase(tag))) tags.add(tag);
                replacement = "<a href=\"" + Html.escape(tagUrl.apply(tag).toString()) + "\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                        + Html.escape(tag) + "</span></a>";
            }
            if (replacement == null) continue;
            html.append(Html.escape(text.substring(at, m.start()))).append(replacement);
            at = m.end();
        }
        html.append(Html.escape(text.substring(at)));
    }

    /** Mastodon's link: the scheme hidden, at most {@value #SHOWN} characters shown, the rest behind an ellipsis. */
    private static String link(String url) {
        int schemeEnd = url.indexOf("://") + 3;
        String scheme = url.substring(0, schemeEnd);
        String rest = url.substring(schemeEnd);
        String shown = rest.length() > SHOWN ? rest.substring(0, SHOWN) : rest;
        String hidden = rest.substring(shown.length());
        return "<a href=\"" + Html.escape(url) + "\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\">"
                + "<span class=\"invisible\">" + Html.escape(scheme) + "</span>"
                + "<span class=\"" + (hidden.isEmpty() ? "" : "ellipsis") + "\">" + Html.escape(shown) + "</span>"
                + "<span class=\"invisible\">" + Html.escape(hidden) + "</span></a>";
    }

    /** A link's length without trailing punctuation, and without a closing parenthesis it did not open. */
    private static int trimmed(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            boolean unbalanced = c == ')' && count(url, end, '(') < count(url, end, ')');
            if (TRAILING.indexOf(c) < 0 && !unbalanced) break;
            end--;
        }
        return end;
    }

    private static long count(String s, int end, char c) {
        return s.substring(0, end).chars().filter(x -> x == c).count();
    }
}
