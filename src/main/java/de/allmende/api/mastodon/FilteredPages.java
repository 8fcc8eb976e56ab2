package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.Viewer;
import de.allmende.service.client.FilterMatcher;
import de.allmende.service.client.Page;
import de.allmende.service.client.StatusView;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Lists of statuses as a municipality's filters leave them (docs.joinmastodon.org/api/guidelines/#filters): each status
 * carries the filters it matched in the context ({@code home} for home and list timelines, {@code public} for public and
 * tag ones, {@code thread}, {@code account}), and one a {@code hide} filter matched is left out. Paging cursors stay
 * those of the whole page, so the next page starts below what was left out.
 */
final class FilteredPages {
    enum Context { HOME, PUBLIC, THREAD, ACCOUNT;
        String mastodonName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    private final StatusJson json;
    private final Paging paging;
    private final FilterMatcher matcher;

    FilteredPages(StatusJson json, Paging paging, FilterMatcher matcher) {
        this.json = json;
        this.paging = paging;
        this.matcher = matcher;
    }

    void answer(RoutingContext ctx, Viewer v, Context context, Page<StatusView> page) {
        paging.link(ctx, page);
        Responses.json(ctx, 200, MediaTypes.JSON, statuses(v, context, page.items()));
    }

    ArrayNode statuses(Viewer v, Context context, List<StatusView> views) {
        return json.statuses(views, matcher.match(v, context.mastodonName(), views));
    }
}
