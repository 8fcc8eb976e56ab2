package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.client.ClientFilter;
import de.allmende.service.client.FilterMatcher;

import java.util.List;

/**
 * Mastodon's filter entities (docs.joinmastodon.org/entities/Filter, FilterKeyword, FilterStatus, FilterResult and
 * V1_Filter). A v1 filter is one keyword of a v2 filter, by the keyword's id, as Mastodon maps them.
 */
final class FilterJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private FilterJson() {}

    static ObjectNode filter(ClientFilter f) {
        ObjectNode o = summary(f);
        ArrayNode keywords = o.putArray("keywords");
        f.keywords().forEach(k -> keywords.add(keyword(k)));
        ArrayNode statuses = o.putArray("statuses");
        f.statuses().forEach(s -> statuses.add(status(s)));
        return o;
    }

    /** A filter as a FilterResult names it: without its keywords and statuses. */
    private static ObjectNode summary(ClientFilter f) {
        ObjectNode o = F.objectNode();
        o.put("id", Long.toString(f.id()));
        o.put("title", f.title());
        ArrayNode context = o.putArray("context");
        f.context().forEach(context::add);
        f.expiresAt().ifPresentOrElse(t -> o.put("expires_at", AccountJson.time(t)), () -> o.putNull("expires_at"));
        o.put("filter_action", f.action());
        return o;
    }

    static ArrayNode filters(List<ClientFilter> filters) {
        ArrayNode a = F.arrayNode();
        filters.forEach(f -> a.add(filter(f)));
        return a;
    }

    static ObjectNode keyword(ClientFilter.Keyword k) {
        return F.objectNode().put("id", Long.toString(k.id())).put("keyword", k.keyword()).put("whole_word", k.wholeWord());
    }

    static ObjectNode status(ClientFilter.FilteredStatus s) {
        return F.objectNode().put("id", Long.toString(s.id())).put("status_id", Long.toString(s.statusId()));
    }

    static ArrayNode results(List<FilterMatcher.Hit> hits) {
        ArrayNode a = F.arrayNode();
        for (FilterMatcher.Hit h : hits) {
            ObjectNode r = a.addObject();
            r.set("filter", summary(h.filter()));
            ArrayNode keywords = r.putArray("keyword_matches");
            h.keywordMatches().forEach(keywords::add);
            ArrayNode statuses = r.putArray("status_matches");
            h.statusMatches().forEach(statuses::add);
        }
        return a;
    }

    /** The v1 shape of one keyword of a filter: {@code irreversible} is the v2 action {@code hide}. */
    static ObjectNode v1(ClientFilter f, ClientFilter.Keyword k) {
        ObjectNode o = F.objectNode();
        o.put("id", Long.toString(k.id()));
        o.put("phrase", k.keyword());
        ArrayNode context = o.putArray("context");
        f.context().forEach(context::add);
        o.put("whole_word", k.wholeWord());
        f.expiresAt().ifPresentOrElse(t -> o.put("expires_at", AccountJson.time(t)), () -> o.putNull("expires_at"));
        o.put("irreversible", f.action().equals("hide"));
        return o;
    }
}
