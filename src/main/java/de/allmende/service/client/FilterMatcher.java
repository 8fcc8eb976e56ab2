package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.client.ClientFilter;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.Post;
import de.allmende.store.FilterStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Applies a municipality's filters where statuses are listed for it (docs.joinmastodon.org/api/guidelines/#filters):
 * a status matches a filter in force for the context when one of its keywords occurs in the status's text (its
 * content warning, words, title and media descriptions; case-insensitive, at word boundaries for whole words) or
 * when the filter names the status. A boost is judged by what it boosts.
 */
public final class FilterMatcher {
    private final Database db;
    private final FilterStore store = new FilterStore();

    public FilterMatcher(Database db) {
        this.db = db;
    }

    /** One filter a status matched, with the keywords and status ids that matched it (Mastodon's FilterResult). */
    public record Hit(ClientFilter filter, List<String> keywordMatches, List<String> statusMatches) {
        public boolean hides() {
            return filter.action().equals("hide");
        }
    }

    /** The filters each status matched, by status id; none for statuses no filter matched. */
    public Map<Long, List<Hit>> match(Viewer v, String context, List<StatusView> views) {
        if (views.isEmpty()) return Map.of();
        List<Compiled> filters = store.all(db.dsl(), v.accountId(), true).stream()
                .filter(f -> f.context().contains(context)).map(Compiled::of).toList();
        if (filters.isEmpty()) return Map.of();
        Map<Long, List<Hit>> out = new HashMap<>();
        for (StatusView view : views) {
            StatusView subject = view.reblog().orElse(view);
            String text = text(subject.post());
            List<Hit> hits = new ArrayList<>();
            for (Compiled f : filters) f.hit(text, subject.id()).ifPresent(hits::add);
            if (!hits.isEmpty()) out.put(view.id(), hits);
        }
        return out;
    }

    private record Compiled(ClientFilter filter, List<Pattern> patterns) {
        static Compiled of(ClientFilter f) {
            return new Compiled(f, f.keywords().stream().map(k -> pattern(k.keyword(), k.wholeWord())).toList());
        }

        Optional<Hit> hit(String text, long statusId) {
            List<String> keywords = new ArrayList<>();
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).find()) keywords.add(filter.keywords().get(i).keyword());
            }
            List<String> statuses = filter.statuses().stream().filter(s -> s.statusId() == statusId).map(s -> Long.toString(s.statusId())).toList();
            if (keywords.isEmpty() && statuses.isEmpty()) return Optional.empty();
            return Optional.of(new Hit(filter, keywords, statuses));
        }
    }

    /** Mastodon's rule: a whole word is bounded by non-word characters where the keyword itself begins or ends with one. */
    static Pattern pattern(String keyword, boolean wholeWord) {
        String quoted = Pattern.quote(keyword);
        if (wholeWord) {
            if (Character.isLetterOrDigit(keyword.codePointAt(0))) quoted = "(?<![\\p{L}\\p{N}_])" + quoted;
            if (Character.isLetterOrDigit(keyword.codePointBefore(keyword.length()))) quoted = quoted + "(?![\\p{L}\\p{N}_])";
        }
        return Pattern.compile(quoted, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String text(Post p) {
        StringBuilder b = new StringBuilder();
        for (LanguageMap m : List.of(p.summary(), p.name(), p.content())) m.texts().values().forEach(t -> b.append(plain(t)).append('\n'));
        for (MediaAttachment a : p.attachments()) a.description().ifPresent(d -> b.append(d).append('\n'));
        return b.toString();
    }

    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
