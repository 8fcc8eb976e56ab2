package de.allmende.api;

import de.allmende.api.activitypub.ActorHandler;
import de.allmende.api.activitypub.ObjectHandler;
import de.allmende.api.mastodon.MastodonHandlers;
import de.allmende.api.staff.StaffHandlers;
import de.allmende.route.Route;
import de.allmende.service.stream.StreamName.Kind;

/**
 * The one place where routes meet their handlers. The switch names every route of the table: a route
 * declared without a handler does not compile. Guards are not here; the router derives them from each
 * route's {@link de.allmende.route.Access}.
 */
final class Endpoints {
    private Endpoints() {}

    static Endpoint of(Route route, HttpHandlers h) {
        StaffHandlers staff = h.staff();
        MastodonHandlers mastodon = h.mastodon();
        return switch (route) {
            case WEBFINGER -> Endpoint.of(h.webFinger());
            case HOST_META -> Endpoint.of(h.hostMeta());
            case HOST_META_JSON -> Endpoint.of(h.hostMeta()::json);
            case NODEINFO_LINKS -> Endpoint.of(h.nodeInfo()::discovery);
            case NODEINFO -> Endpoint.of(h.nodeInfo()::document);

            case INSTANCE_ACTOR -> Endpoint.of(h.actors()::instance);
            case INSTANCE_INBOX, SHARED_INBOX -> Endpoint.of(h.inbox()::shared);
            case INSTANCE_OUTBOX -> Endpoint.of(h.collections()::instanceOutbox);
            case RELAY_ACTOR -> Endpoint.of(h.actors()::relay);
            case RELAY_INBOX -> Endpoint.of(h.inbox()::relay);
            case ACTOR, PROFILE -> Endpoint.page(h.actors()::municipality, ActorHandler::servesPage);
            case ICON -> Endpoint.of(h.icons()::handle);
            case INBOX -> Endpoint.of(h.inbox()::personal);
            case OUTBOX -> Endpoint.of(h.collections()::outbox);
            case FOLLOWERS -> Endpoint.of(h.collections()::followers);
            case FOLLOWING -> Endpoint.of(h.collections()::following);
            case FEATURED -> Endpoint.of(h.collections()::featured);
            case LIKED -> Endpoint.of(h.collections()::liked);
            case MODERATORS -> Endpoint.of(h.collections()::moderators);
            case FEED -> Endpoint.of(h.feeds()::atom);
            case KIND_FEED -> Endpoint.of(h.feeds()::kindAtom);
            case CALENDAR_FEED -> Endpoint.of(h.feeds()::calendar);
            case MERGED_CALENDAR -> Endpoint.of(h.calendar()::html);
            case MERGED_CALENDAR_ICS -> Endpoint.of(h.calendar()::ics);
            case MERGED_CALENDAR_ATOM -> Endpoint.of(h.calendar()::atom);
            case DIRECTORY -> Endpoint.of(h.directory()::html);
            case DIRECTORY_JSON -> Endpoint.of(h.directory()::json);
            case DIRECTORY_CSV -> Endpoint.of(h.directory()::csv);
            case STATISTICS -> Endpoint.of(h.statistics()::html);
            case STATISTICS_CSV -> Endpoint.of(h.statistics()::csv);
            case STATISTICS_SVG -> Endpoint.of(h.statistics()::svg);
            case STATISTICS_PNG -> Endpoint.of(h.statistics()::png);
            case OBJECT -> Endpoint.page(h.objects()::object, ObjectHandler::wantsHtml);
            case ACTIVITY -> Endpoint.of(h.objects()::activity);
            case MEDIA -> Endpoint.of(h.mediaFiles()::handle);
            case SEARCH_PAGE -> Endpoint.of(h.search()::page);
            case CATALOG -> Endpoint.of(h.exports()::catalog);

            case STAFF_OPENAPI -> Endpoint.of(staff.openApi());
            case SEARCH_API -> Endpoint.of(h.search()::json);
            case SEARCH_CSV -> Endpoint.of(h.exports()::csv);
            case SEARCH_JSONLD -> Endpoint.of(h.exports()::jsonLd);
            case STAFF_MEDIA_UPLOAD -> Endpoint.of(staff.uploads(), staff.media()::upload);
            case STAFF_MEDIA -> Endpoint.of(staff.media()::get);
            case STAFF_MEDIA_DELETE -> Endpoint.of(staff.media()::delete);
            case STAFF_CONTENT_LIST -> Endpoint.of(staff.content()::list);
            case STAFF_CONTENT_CREATE -> Endpoint.of(StaffHandlers.json(), staff.content()::create);
            case STAFF_CONTENT -> Endpoint.of(staff.content()::get);
            case STAFF_CONTENT_REPLACE -> Endpoint.of(StaffHandlers.json(), staff.content()::replace);
            case STAFF_CONTENT_DELETE -> Endpoint.of(staff.content()::delete);
            case STAFF_FEATURED -> Endpoint.of(staff.featured()::list);
            case STAFF_FEATURE -> Endpoint.of(StaffHandlers.json(), staff.featured()::feature);
            case STAFF_UNFEATURE -> Endpoint.of(staff.featured()::unfeature);

            case HEALTH_LIVE -> Endpoint.onEventLoop(h.health()::live); // a probe must not wait behind work
            case HEALTH_READY -> Endpoint.of(h.health()::ready);
            case METRICS -> Endpoint.of(h.metrics());

            case OAUTH_SERVER_METADATA -> Endpoint.of(mastodon.serverMetadata());
            case APPS_CREATE -> Endpoint.of(mastodon.body(), mastodon.createApp());
            case CLIENT_INSTANCE -> Endpoint.of(mastodon.instanceV2());
            case CLIENT_INSTANCE_V1 -> Endpoint.of(mastodon.instanceV1());
            case CUSTOM_EMOJIS, TRENDS_TAGS, TRENDS_STATUSES, TRENDS_LINKS -> Endpoint.of(mastodon.emptyList());
            case PREFERENCES -> Endpoint.of(mastodon.preferences());
            case ANNOUNCEMENTS -> Endpoint.of(mastodon.announcements());
            case VERIFY_CREDENTIALS -> Endpoint.of(mastodon.accounts()::verifyCredentials);
            case UPDATE_CREDENTIALS -> Endpoint.of(mastodon.uploads(), mastodon.updateCredentials());
            case ACCOUNT_LOOKUP -> Endpoint.of(mastodon.accounts()::lookup);
            case RELATIONSHIPS -> Endpoint.of(mastodon.accounts()::relationships);
            case ACCOUNT -> Endpoint.of(mastodon.accounts()::account);
            case ACCOUNT_STATUSES -> Endpoint.of(mastodon.accounts()::statuses);
            case ACCOUNT_FOLLOWERS -> Endpoint.of(mastodon.accounts()::followers);
            case ACCOUNT_FOLLOWING -> Endpoint.of(mastodon.accounts()::following);
            case STATUS -> Endpoint.of(mastodon.statuses()::status);
            case STATUS_CONTEXT -> Endpoint.of(mastodon.statuses()::context);
            case HOME_TIMELINE -> Endpoint.of(mastodon.statuses()::home);
            case PUBLIC_TIMELINE -> Endpoint.of(mastodon.statuses()::publicTimeline);
            case NOTIFICATIONS -> Endpoint.of(mastodon.notifications()::list);
            case NOTIFICATIONS_UNREAD_COUNT -> Endpoint.of(mastodon.notifications()::unreadCount);
            case NOTIFICATION -> Endpoint.of(mastodon.notifications()::one);
            case NOTIFICATIONS_CLEAR -> Endpoint.of(mastodon.body(), mastodon.notifications()::clear);
            case NOTIFICATION_DISMISS -> Endpoint.of(mastodon.body(), mastodon.notifications()::dismiss);
            case SEARCH -> Endpoint.of(mastodon.search()::search);
            case ACCOUNT_SEARCH -> Endpoint.of(mastodon.search()::accounts);
            case STATUS_HISTORY -> Endpoint.of(mastodon.statusWrites()::history);
            case STATUS_SOURCE -> Endpoint.of(mastodon.statusWrites()::source);
            case STATUS_CREATE -> Endpoint.of(mastodon.body(), mastodon.statusWrites()::create);
            case STATUS_EDIT -> Endpoint.of(mastodon.body(), mastodon.statusWrites()::edit);
            case STATUS_DELETE -> Endpoint.of(mastodon.statusWrites()::delete);
            case STREAMING -> Endpoint.of(mastodon.streaming()::socket);
            case STREAMING_HEALTH -> Endpoint.onEventLoop(mastodon.streaming()::health);
            case STREAMING_USER -> Endpoint.of(mastodon.streaming().events(Kind.USER));
            case STREAMING_USER_NOTIFICATION -> Endpoint.of(mastodon.streaming().events(Kind.USER_NOTIFICATION));
            case STREAMING_PUBLIC -> Endpoint.of(mastodon.streaming().events(Kind.PUBLIC));
            case STREAMING_PUBLIC_LOCAL -> Endpoint.of(mastodon.streaming().events(Kind.PUBLIC_LOCAL));
            case STREAMING_PUBLIC_REMOTE -> Endpoint.of(mastodon.streaming().events(Kind.PUBLIC_REMOTE));
            case STREAMING_HASHTAG -> Endpoint.of(mastodon.streaming().events(Kind.HASHTAG));
            case STREAMING_HASHTAG_LOCAL -> Endpoint.of(mastodon.streaming().events(Kind.HASHTAG_LOCAL));
            case STREAMING_LIST -> Endpoint.of(mastodon.streaming().events(Kind.LIST));
            case STREAMING_DIRECT -> Endpoint.of(mastodon.streaming().events(Kind.DIRECT));
            case MEDIA_UPLOAD, MEDIA_UPLOAD_V1 -> Endpoint.of(mastodon.uploads(), mastodon.media()::upload);
            case CLIENT_MEDIA -> Endpoint.of(mastodon.media()::get);
            case CLIENT_MEDIA_UPDATE -> Endpoint.of(mastodon.body(), mastodon.media()::update);
            case POLL -> Endpoint.of(mastodon.polls()::poll);
            case POLL_VOTE -> Endpoint.of(mastodon.body(), mastodon.polls()::vote);
            case STATUS_FAVOURITE -> Endpoint.of(mastodon.body(), mastodon.interactions()::favourite);
            case STATUS_UNFAVOURITE -> Endpoint.of(mastodon.body(), mastodon.interactions()::unfavourite);
            case STATUS_REBLOG -> Endpoint.of(mastodon.body(), mastodon.interactions()::reblog);
            case STATUS_UNREBLOG -> Endpoint.of(mastodon.body(), mastodon.interactions()::unreblog);
            case STATUS_BOOKMARK -> Endpoint.of(mastodon.body(), mastodon.interactions()::bookmark);
            case STATUS_UNBOOKMARK -> Endpoint.of(mastodon.body(), mastodon.interactions()::unbookmark);
            case STATUS_PIN -> Endpoint.of(mastodon.body(), mastodon.interactions()::pin);
            case STATUS_UNPIN -> Endpoint.of(mastodon.body(), mastodon.interactions()::unpin);
            case STATUS_MUTE -> Endpoint.of(mastodon.body(), mastodon.interactions()::muteConversation);
            case STATUS_UNMUTE -> Endpoint.of(mastodon.body(), mastodon.interactions()::unmuteConversation);
            case REPORT_CREATE -> Endpoint.of(mastodon.body(), mastodon.reports()::create);
            case STATUS_FAVOURITED_BY -> Endpoint.of(mastodon.interactions()::favouritedBy);
            case STATUS_REBLOGGED_BY -> Endpoint.of(mastodon.interactions()::rebloggedBy);
            case FAVOURITES -> Endpoint.of(mastodon.interactions()::favourites);
            case BOOKMARKS -> Endpoint.of(mastodon.interactions()::bookmarks);
            case ACCOUNT_FOLLOW -> Endpoint.of(mastodon.body(), mastodon.relations()::follow);
            case ACCOUNT_UNFOLLOW -> Endpoint.of(mastodon.body(), mastodon.relations()::unfollow);
            case ACCOUNT_BLOCK -> Endpoint.of(mastodon.body(), mastodon.relations()::block);
            case ACCOUNT_UNBLOCK -> Endpoint.of(mastodon.body(), mastodon.relations()::unblock);
            case ACCOUNT_MUTE -> Endpoint.of(mastodon.body(), mastodon.relations()::mute);
            case ACCOUNT_UNMUTE -> Endpoint.of(mastodon.body(), mastodon.relations()::unmute);
            case ACCOUNT_NOTE -> Endpoint.of(mastodon.body(), mastodon.relations()::note);
            case FAMILIAR_FOLLOWERS -> Endpoint.of(mastodon.relations()::familiarFollowers);
            case FOLLOW_REQUESTS -> Endpoint.of(mastodon.relations()::followRequests);
            case FOLLOW_REQUEST_AUTHORIZE -> Endpoint.of(mastodon.body(), mastodon.relations()::authorize);
            case FOLLOW_REQUEST_REJECT -> Endpoint.of(mastodon.body(), mastodon.relations()::reject);
            case BLOCKS -> Endpoint.of(mastodon.relations()::blocks);
            case MUTES -> Endpoint.of(mastodon.relations()::mutes);
            case DOMAIN_BLOCKS -> Endpoint.of(mastodon.relations()::domainBlocks);
            case DOMAIN_BLOCK -> Endpoint.of(mastodon.body(), mastodon.relations()::blockDomain);
            case DOMAIN_UNBLOCK -> Endpoint.of(mastodon.relations()::unblockDomain);
            case MARKERS, MARKERS_SAVE, LISTS, LIST_CREATE, LIST, LIST_UPDATE, LIST_DELETE, LIST_ACCOUNTS, LIST_ACCOUNTS_ADD,
                 LIST_ACCOUNTS_REMOVE, ACCOUNT_LISTS, LIST_TIMELINE, TAG, TAG_FOLLOW, TAG_UNFOLLOW, FOLLOWED_TAGS, TAG_TIMELINE,
                 FILTERS, FILTER_CREATE, FILTER, FILTER_UPDATE, FILTER_DELETE, FILTER_KEYWORDS, FILTER_KEYWORD_ADD, FILTER_KEYWORD,
                 FILTER_KEYWORD_UPDATE, FILTER_KEYWORD_DELETE, FILTER_STATUSES, FILTER_STATUS_ADD, FILTER_STATUS, FILTER_STATUS_DELETE,
                 FILTERS_V1, FILTER_V1_CREATE, FILTER_V1, FILTER_V1_UPDATE, FILTER_V1_DELETE -> mastodon.organising(route);
            case PUSH_SUBSCRIPTION -> Endpoint.of(mastodon.push()::get);
            case PUSH_SUBSCRIBE -> Endpoint.of(mastodon.body(), mastodon.push()::subscribe);
            case PUSH_SUBSCRIPTION_UPDATE -> Endpoint.of(mastodon.body(), mastodon.push()::update);
            case PUSH_SUBSCRIPTION_DELETE -> Endpoint.of(mastodon.push()::delete);
            case APPS_VERIFY_CREDENTIALS -> Endpoint.of(mastodon.verifyApp());
            case OAUTH_AUTHORIZE -> Endpoint.of(mastodon.authorize()::show);
            case OAUTH_AUTHORIZE_FORM -> Endpoint.of(mastodon.body(), mastodon.authorize()::submit);
            case OAUTH_TOKEN -> Endpoint.of(mastodon.body(), mastodon.token());
            case OAUTH_REVOKE -> Endpoint.of(mastodon.body(), mastodon.revoke());
            case OAUTH_USERINFO -> Endpoint.of(mastodon.userInfo());
            case OAUTH_USERINFO_POST -> Endpoint.of(mastodon.body(), mastodon.userInfo());
            case PASSWORD -> Endpoint.of(mastodon.password()::show);
            case PASSWORD_FORM -> Endpoint.of(mastodon.body(), mastodon.password()::submit);
        };
    }
}
