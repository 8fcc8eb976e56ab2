package de.allmende.route;

import de.allmende.domain.Scope;
import io.vertx.core.http.HttpMethod;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static de.allmende.route.Access.OPERATOR;
import static de.allmende.route.Access.PAGE_OR_SIGNED_FETCH;
import static de.allmende.route.Access.PUBLIC;
import static de.allmende.route.Access.SIGNED_DELIVERY;
import static de.allmende.route.Access.SIGNED_FETCH;
import static de.allmende.route.Area.ACCOUNTS;
import static de.allmende.route.Area.CLIENT_API;
import static de.allmende.route.Area.NODE;
import static de.allmende.route.Area.OAUTH;
import static de.allmende.route.Area.OPERATIONS;
import static de.allmende.route.Area.STAFF_API;
import static de.allmende.route.Area.WELL_KNOWN;
import static de.allmende.route.MediaType.ACTIVITY_JSON;
import static de.allmende.route.MediaType.ATOM;
import static de.allmende.route.MediaType.CALENDAR;
import static de.allmende.route.MediaType.CSV;
import static de.allmende.route.MediaType.TURTLE;
import static de.allmende.route.MediaType.EVENT_STREAM;
import static de.allmende.route.MediaType.PLAIN;
import static de.allmende.route.MediaType.HTML;
import static de.allmende.route.MediaType.JRD;
import static de.allmende.route.MediaType.JSON;
import static de.allmende.route.MediaType.LD_JSON;
import static de.allmende.route.MediaType.PNG;
import static de.allmende.route.MediaType.PROMETHEUS;
import static de.allmende.route.MediaType.UPLOADED;
import static de.allmende.route.MediaType.XRD;
import static de.allmende.route.Param.CLIENT_ID;
import static de.allmende.route.Param.FORMAT;
import static de.allmende.route.Param.HANDLE;
import static de.allmende.route.Param.KIND;
import static de.allmende.route.Param.LOCAL_ID;
import static de.allmende.route.Param.MAX_ID;
import static de.allmende.route.Param.NODEINFO_VERSION;
import static de.allmende.route.Param.PAGE;
import static de.allmende.route.Param.REL;
import static de.allmende.route.Param.RESOURCE;
import static de.allmende.route.Param.TAG_NAME;
import static de.allmende.route.Param.UUID_ID;
import static de.allmende.route.PathTemplate.at;
import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

/**
 * Every path the node serves, declared once. The router registers exactly these (a test holds it to
 * that), {@code Iris} builds and parses the node's IRIs with them, and each route's {@link Access}
 * decides its guard: authorized fetch, the staff token and scope, the metrics token. Templates are
 * relative to their {@link Area}'s prefix.
 */
public enum Route {
    WEBFINGER(WELL_KNOWN, GET, at("/webfinger").query(RESOURCE, REL), PUBLIC, JRD),
    HOST_META(WELL_KNOWN, GET, at("/host-meta"), PUBLIC, XRD, JRD),
    HOST_META_JSON(WELL_KNOWN, GET, at("/host-meta.json"), PUBLIC, JRD),
    NODEINFO_LINKS(WELL_KNOWN, GET, at("/nodeinfo"), PUBLIC, JRD),
    NODEINFO(NODE, GET, at("/nodeinfo/", NODEINFO_VERSION), PUBLIC, JSON),

    INSTANCE_ACTOR(NODE, GET, at("/actor"), PUBLIC, ACTIVITY_JSON, LD_JSON, HTML),
    INSTANCE_INBOX(NODE, POST, at("/actor/inbox"), SIGNED_DELIVERY, JSON),
    INSTANCE_OUTBOX(NODE, GET, at("/actor/outbox").query(PAGE, MAX_ID), SIGNED_FETCH, ACTIVITY_JSON, LD_JSON),
    SHARED_INBOX(NODE, POST, at("/inbox"), SIGNED_DELIVERY, JSON),
    /** The relay actor (FEP-ae0c), on nodes that run a relay; fetchable without a signature, as the instance actor. */
    RELAY_ACTOR(NODE, GET, at("/relay"), PUBLIC, ACTIVITY_JSON, LD_JSON),
    RELAY_INBOX(NODE, POST, at("/relay/inbox"), SIGNED_DELIVERY, JSON),

    ACTOR(NODE, GET, at("/actors/", HANDLE), PAGE_OR_SIGNED_FETCH, ACTIVITY_JSON, LD_JSON, HTML),
    /** Mastodon's profile URL; the same document as {@link #ACTOR}. */
    PROFILE(NODE, GET, at("/@", HANDLE), PAGE_OR_SIGNED_FETCH, ACTIVITY_JSON, LD_JSON, HTML),
    ICON(NODE, GET, at("/actors/", HANDLE, "/icon.png"), PUBLIC, PNG),
    INBOX(NODE, POST, at("/actors/", HANDLE, "/inbox"), SIGNED_DELIVERY, JSON),
    OUTBOX(NODE, GET, at("/actors/", HANDLE, "/outbox").query(PAGE, MAX_ID), SIGNED_FETCH, ACTIVITY_JSON, LD_JSON),
    FOLLOWERS(NODE, GET, at("/actors/", HANDLE, "/followers").query(PAGE, MAX_ID), SIGNED_FETCH, ACTIVITY_JSON, LD_JSON),
    FOLLOWING(NODE, GET, at("/actors/", HANDLE, "/following").query(PAGE, MAX_ID), SIGNED_FETCH, ACTIVITY_JSON, LD_JSON),
    FEATURED(NODE, GET, at("/actors/", HANDLE, "/featured").query(PAGE, MAX_ID), SIGNED_FETCH, ACTIVITY_JSON, LD_JSON),
    LIKED(NODE, GET, at("/actors/", HANDLE, "/liked").query(PAGE, MAX_ID), SIGNED_FETCH, ACTIVITY_JSON, LD_JSON),
    /** A topic group's moderators (FEP-1b12 {@code attributedTo}): its coordinator; 404 for actors that are no group. */
    MODERATORS(NODE, GET, at("/actors/", HANDLE, "/moderators"), PUBLIC, ACTIVITY_JSON, LD_JSON),
    /** Atom feed of all content of an actor. */
    FEED(NODE, GET, at("/actors/", HANDLE, "/feed.atom"), PUBLIC, ATOM),
    /** Atom feed of one kind of content, e.g. {@code /actors/stadt/events/feed.atom}. */
    KIND_FEED(NODE, GET, at("/actors/", HANDLE, "/", KIND, "/feed.atom"), PUBLIC, ATOM),
    CALENDAR_FEED(NODE, GET, at("/actors/", HANDLE, "/events.ics"), PUBLIC, CALENDAR),
    /**
     * The merged calendar (issue 11): every public event the node holds, its own and received ones, as an accessible page,
     * iCalendar and Atom, each with the filter in its query so that every filter is a URL to subscribe to.
     */
    MERGED_CALENDAR(NODE, GET, at("/calendar").query(Param.CALENDAR_FILTER.toArray(Param[]::new)), PUBLIC, HTML),
    MERGED_CALENDAR_ICS(NODE, GET, at("/calendar.ics").query(Param.CALENDAR_FILTER.toArray(Param[]::new)), PUBLIC, CALENDAR),
    MERGED_CALENDAR_ATOM(NODE, GET, at("/calendar.atom").query(Param.CALENDAR_FILTER.toArray(Param[]::new)), PUBLIC, ATOM),
    /**
     * The network's directory (issue 11, point 2): every municipality the node knows — its own, those it follows, those
     * a coordinator here subscribes to — with its public facts, as an accessible page, JSON and CSV, filtered alike.
     */
    DIRECTORY(NODE, GET, at("/directory").query(Param.DIRECTORY_FILTER.toArray(Param[]::new)), PUBLIC, HTML),
    DIRECTORY_JSON(NODE, GET, at("/directory.json").query(Param.DIRECTORY_FILTER.toArray(Param[]::new)), PUBLIC, JSON),
    DIRECTORY_CSV(NODE, GET, at("/directory.csv").query(Param.DIRECTORY_FILTER.toArray(Param[]::new)), PUBLIC, MediaType.CSV),
    /**
     * The statistics dashboard (issue 11, point 5): charts over the public posts, municipalities and reactions the node
     * holds, each as inline SVG with its numbers as a table; each chart alone as CSV, SVG and PNG ({@code ?chart=months}).
     */
    STATISTICS(NODE, GET, at("/statistics").query(Param.CHART, Param.LANG), PUBLIC, HTML),
    STATISTICS_CSV(NODE, GET, at("/statistics.csv").query(Param.CHART, Param.LANG), PUBLIC, MediaType.CSV),
    STATISTICS_SVG(NODE, GET, at("/statistics.svg").query(Param.CHART, Param.LANG), PUBLIC, MediaType.SVG),
    STATISTICS_PNG(NODE, GET, at("/statistics.png").query(Param.CHART, Param.LANG), PUBLIC, MediaType.PNG),
    /** A local object, also its HTML page; {@code ?format=json} is the page's visible link to the document. */
    OBJECT(NODE, GET, at("/objects/", LOCAL_ID).query(FORMAT), PAGE_OR_SIGNED_FETCH, ACTIVITY_JSON, LD_JSON, HTML),
    ACTIVITY(NODE, GET, at("/activities/", LOCAL_ID), SIGNED_FETCH, ACTIVITY_JSON, LD_JSON),
    /** Uploaded files, public like the objects that attach them. */
    MEDIA(NODE, GET, at("/media/", UUID_ID), PUBLIC, UPLOADED),
    /** Search over the public posts the node holds (issue 11, point 3): the page, German or English. */
    SEARCH_PAGE(NODE, GET, at("/search"), PUBLIC, HTML),
    /** The network's catalogue as DCAT-AP.de (issue 11, point 6): one dataset per municipality, for open-data portals to harvest. */
    CATALOG(NODE, GET, at("/catalog.ttl"), PUBLIC, TURTLE),

    /** The OpenAPI document describing the staff routes below (a test holds the two together). */
    STAFF_OPENAPI(STAFF_API, GET, at("/openapi.json"), PUBLIC, JSON),
    /** The same search as JSON, for anyone (public posts only): hits with marked snippets, and facet counts. */
    SEARCH_API(STAFF_API, GET, at("/search"), PUBLIC, JSON),
    /** Exports of a search (issue 11, point 6): the same parameters, every hit up to a cap, each with its provenance. */
    SEARCH_CSV(STAFF_API, GET, at("/search.csv"), PUBLIC, CSV),
    SEARCH_JSONLD(STAFF_API, GET, at("/search.jsonld"), PUBLIC, LD_JSON),
    STAFF_MEDIA_UPLOAD(POST, at("/media"), Scope.WRITE_MEDIA, JSON),
    STAFF_MEDIA(GET, at("/media/", UUID_ID), Scope.WRITE_MEDIA, JSON),
    STAFF_MEDIA_DELETE(DELETE, at("/media/", UUID_ID), Scope.WRITE_MEDIA),
    STAFF_CONTENT_LIST(GET, at("/", KIND), Scope.READ_CONTENT, JSON),
    STAFF_CONTENT_CREATE(POST, at("/", KIND), Scope.WRITE_CONTENT, JSON),
    STAFF_CONTENT(GET, at("/", KIND, "/", UUID_ID), Scope.READ_CONTENT, JSON),
    STAFF_CONTENT_REPLACE(PUT, at("/", KIND, "/", UUID_ID), Scope.WRITE_CONTENT, JSON),
    STAFF_CONTENT_DELETE(DELETE, at("/", KIND, "/", UUID_ID), Scope.WRITE_CONTENT),
    /** What the token's coordinator features (issue 11, point 9); a municipality's token gets 403. */
    STAFF_FEATURED(GET, at("/featured"), Scope.READ_CONTENT, JSON),
    STAFF_FEATURE(POST, at("/featured"), Scope.WRITE_CONTENT, JSON),
    /** The item is named by {@code ?object=IRI}, read by the handler (400 without); the three share one template, as the content routes do. */
    STAFF_UNFEATURE(DELETE, at("/featured"), Scope.WRITE_CONTENT),

    HEALTH_LIVE(OPERATIONS, GET, at("/health/live"), PUBLIC, JSON),
    /** Ready when the database answers too. */
    HEALTH_READY(OPERATIONS, GET, at("/health/ready"), PUBLIC, JSON),
    METRICS(OPERATIONS, GET, at("/metrics"), OPERATOR, PROMETHEUS),

    /** RFC 8414 server metadata: a 404 here tells apps the server is older than Mastodon 4.3. */
    OAUTH_SERVER_METADATA(WELL_KNOWN, GET, at("/oauth-authorization-server"), PUBLIC, JSON),
    /** Any app may register (Mastodon's way); a person decides at {@link #OAUTH_AUTHORIZE} what it may do. */
    APPS_CREATE(CLIENT_API, POST, at("/v1/apps"), PUBLIC, JSON),
    /** What apps read before login: the instance (v2; v1 for older apps), custom emojis and trends. */
    CLIENT_INSTANCE(CLIENT_API, GET, at("/v2/instance"), PUBLIC, JSON),
    CLIENT_INSTANCE_V1(CLIENT_API, GET, at("/v1/instance"), PUBLIC, JSON),
    CUSTOM_EMOJIS(CLIENT_API, GET, at("/v1/custom_emojis"), PUBLIC, JSON),
    TRENDS_TAGS(CLIENT_API, GET, at("/v1/trends/tags"), PUBLIC, JSON),
    TRENDS_STATUSES(CLIENT_API, GET, at("/v1/trends/statuses"), PUBLIC, JSON),
    TRENDS_LINKS(CLIENT_API, GET, at("/v1/trends/links"), PUBLIC, JSON),
    /** What apps read right after login. */
    PREFERENCES(CLIENT_API, GET, at("/v1/preferences"), ClientScopes.person("read", "read:accounts"), JSON),
    ANNOUNCEMENTS(CLIENT_API, GET, at("/v1/announcements"), ClientScopes.person(), JSON),
    /** The read path (issue 10): accounts, statuses and timelines, as far as the person's municipality may see them. */
    VERIFY_CREDENTIALS(CLIENT_API, GET, at("/v1/accounts/verify_credentials"), ClientScopes.person("read", "read:accounts", "profile"), JSON),
    /** The municipality's profile, edited from an app: only by a person with the admin role for it (editors get 403). */
    UPDATE_CREDENTIALS(CLIENT_API, PATCH, at("/v1/accounts/update_credentials"), ClientScopes.person("write", "write:accounts"), JSON),
    ACCOUNT_LOOKUP(CLIENT_API, GET, at("/v1/accounts/lookup"), ClientScopes.person("read", "read:accounts"), JSON),
    /** Account search (apps autocomplete with it); before {@link #ACCOUNT}, whose {@code :id} the router would try first. */
    ACCOUNT_SEARCH(CLIENT_API, GET, at("/v1/accounts/search"), ClientScopes.person("read", "read:accounts"), JSON),
    RELATIONSHIPS(CLIENT_API, GET, at("/v1/accounts/relationships"), ClientScopes.person("read", "read:follows"), JSON),
    /** Before {@link #ACCOUNT}: the router matches in declaration order, and knows nothing of the id's digits. */
    FAMILIAR_FOLLOWERS(CLIENT_API, GET, at("/v1/accounts/familiar_followers"), ClientScopes.person("read", "read:follows"), JSON),
    ACCOUNT(CLIENT_API, GET, at("/v1/accounts/", CLIENT_ID), ClientScopes.person("read", "read:accounts"), JSON),
    ACCOUNT_STATUSES(CLIENT_API, GET, at("/v1/accounts/", CLIENT_ID, "/statuses"), ClientScopes.person("read", "read:statuses"), JSON),
    ACCOUNT_FOLLOWERS(CLIENT_API, GET, at("/v1/accounts/", CLIENT_ID, "/followers"), ClientScopes.person("read", "read:accounts"), JSON),
    ACCOUNT_FOLLOWING(CLIENT_API, GET, at("/v1/accounts/", CLIENT_ID, "/following"), ClientScopes.person("read", "read:accounts"), JSON),
    STATUS(CLIENT_API, GET, at("/v1/statuses/", CLIENT_ID), ClientScopes.person("read", "read:statuses"), JSON),
    STATUS_CONTEXT(CLIENT_API, GET, at("/v1/statuses/", CLIENT_ID, "/context"), ClientScopes.person("read", "read:statuses"), JSON),
    HOME_TIMELINE(CLIENT_API, GET, at("/v1/timelines/home"), ClientScopes.person("read", "read:statuses"), JSON),
    PUBLIC_TIMELINE(CLIENT_API, GET, at("/v1/timelines/public"), ClientScopes.person("read", "read:statuses"), JSON),
    /** Notifications: only the person's municipality's own (another's id is a 404). */
    NOTIFICATIONS(CLIENT_API, GET, at("/v1/notifications"), ClientScopes.person("read", "read:notifications"), JSON),
    NOTIFICATIONS_UNREAD_COUNT(CLIENT_API, GET, at("/v1/notifications/unread_count"), ClientScopes.person("read", "read:notifications"), JSON),
    NOTIFICATION(CLIENT_API, GET, at("/v1/notifications/", CLIENT_ID), ClientScopes.person("read", "read:notifications"), JSON),
    NOTIFICATIONS_CLEAR(CLIENT_API, POST, at("/v1/notifications/clear"), ClientScopes.person("write", "write:notifications"), JSON),
    NOTIFICATION_DISMISS(CLIENT_API, POST, at("/v1/notifications/", CLIENT_ID, "/dismiss"), ClientScopes.person("write", "write:notifications"), JSON),
    /** Search: accounts (resolving {@code @user@host} and profile URLs over the network), statuses (by URL, or words), hashtags. */
    SEARCH(CLIENT_API, GET, at("/v2/search"), ClientScopes.person("read", "read:search"), JSON),
    /** The write path of statuses: post, edit, delete; an edit form reads the source and the history. */
    STATUS_HISTORY(CLIENT_API, GET, at("/v1/statuses/", CLIENT_ID, "/history"), ClientScopes.person("read", "read:statuses"), JSON),
    STATUS_SOURCE(CLIENT_API, GET, at("/v1/statuses/", CLIENT_ID, "/source"), ClientScopes.person("read", "read:statuses"), JSON),
    STATUS_CREATE(CLIENT_API, POST, at("/v1/statuses"), ClientScopes.person("write", "write:statuses"), JSON),
    STATUS_EDIT(CLIENT_API, PUT, at("/v1/statuses/", CLIENT_ID), ClientScopes.person("write", "write:statuses"), JSON),
    STATUS_DELETE(CLIENT_API, DELETE, at("/v1/statuses/", CLIENT_ID), ClientScopes.person("write", "write:statuses"), JSON),
    /**
     * Streaming (issue 10): a WebSocket that subscribes to streams, and server-sent events of one stream each. The
     * token may also come as {@code access_token} or (WebSocket) {@code Sec-WebSocket-Protocol}; each stream asks
     * its own scope ({@code read:statuses}, or {@code read:notifications} for notifications).
     */
    STREAMING(CLIENT_API, GET, at("/v1/streaming"), ClientScopes.streaming(), JSON),
    STREAMING_HEALTH(CLIENT_API, GET, at("/v1/streaming/health"), PUBLIC, PLAIN),
    STREAMING_USER(CLIENT_API, GET, at("/v1/streaming/user"), ClientScopes.streaming(), EVENT_STREAM),
    STREAMING_USER_NOTIFICATION(CLIENT_API, GET, at("/v1/streaming/user/notification"), ClientScopes.streaming(), EVENT_STREAM),
    STREAMING_PUBLIC(CLIENT_API, GET, at("/v1/streaming/public"), ClientScopes.streaming(), EVENT_STREAM),
    STREAMING_PUBLIC_LOCAL(CLIENT_API, GET, at("/v1/streaming/public/local"), ClientScopes.streaming(), EVENT_STREAM),
    STREAMING_PUBLIC_REMOTE(CLIENT_API, GET, at("/v1/streaming/public/remote"), ClientScopes.streaming(), EVENT_STREAM),
    STREAMING_HASHTAG(CLIENT_API, GET, at("/v1/streaming/hashtag"), ClientScopes.streaming(), EVENT_STREAM),
    STREAMING_HASHTAG_LOCAL(CLIENT_API, GET, at("/v1/streaming/hashtag/local"), ClientScopes.streaming(), EVENT_STREAM),
    STREAMING_LIST(CLIENT_API, GET, at("/v1/streaming/list"), ClientScopes.streaming(), EVENT_STREAM),
    STREAMING_DIRECT(CLIENT_API, GET, at("/v1/streaming/direct"), ClientScopes.streaming(), EVENT_STREAM),
    /** Media for posts: upload (v2; v1 for older apps), read and describe one's own uploads. */
    MEDIA_UPLOAD(CLIENT_API, POST, at("/v2/media"), ClientScopes.person("write", "write:media"), JSON),
    MEDIA_UPLOAD_V1(CLIENT_API, POST, at("/v1/media"), ClientScopes.person("write", "write:media"), JSON),
    CLIENT_MEDIA(CLIENT_API, GET, at("/v1/media/", UUID_ID), ClientScopes.person("write", "write:media"), JSON),
    CLIENT_MEDIA_UPDATE(CLIENT_API, PUT, at("/v1/media/", UUID_ID), ClientScopes.person("write", "write:media"), JSON),
    /** Polls of the posts a municipality sees, and its votes in them. */
    POLL(CLIENT_API, GET, at("/v1/polls/", CLIENT_ID), ClientScopes.person("read", "read:statuses"), JSON),
    POLL_VOTE(CLIENT_API, POST, at("/v1/polls/", CLIENT_ID, "/votes"), ClientScopes.person("write", "write:statuses"), JSON),
    /** Interactions (issue 10): what an app does to statuses and accounts, and the lists that come of it. */
    STATUS_FAVOURITE(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/favourite"), ClientScopes.person("write", "write:favourites"), JSON),
    STATUS_UNFAVOURITE(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/unfavourite"), ClientScopes.person("write", "write:favourites"), JSON),
    STATUS_REBLOG(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/reblog"), ClientScopes.person("write", "write:statuses"), JSON),
    STATUS_UNREBLOG(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/unreblog"), ClientScopes.person("write", "write:statuses"), JSON),
    STATUS_BOOKMARK(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/bookmark"), ClientScopes.person("write", "write:bookmarks"), JSON),
    STATUS_UNBOOKMARK(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/unbookmark"), ClientScopes.person("write", "write:bookmarks"), JSON),
    STATUS_PIN(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/pin"), ClientScopes.person("write", "write:accounts"), JSON),
    STATUS_UNPIN(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/unpin"), ClientScopes.person("write", "write:accounts"), JSON),
    /** Mastodon's conversation mute: no notifications from the status's thread for the municipality. */
    STATUS_MUTE(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/mute"), ClientScopes.person("write", "write:mutes"), JSON),
    STATUS_UNMUTE(CLIENT_API, POST, at("/v1/statuses/", CLIENT_ID, "/unmute"), ClientScopes.person("write", "write:mutes"), JSON),
    STATUS_FAVOURITED_BY(CLIENT_API, GET, at("/v1/statuses/", CLIENT_ID, "/favourited_by"), ClientScopes.person("read", "read:accounts"), JSON),
    STATUS_REBLOGGED_BY(CLIENT_API, GET, at("/v1/statuses/", CLIENT_ID, "/reblogged_by"), ClientScopes.person("read", "read:accounts"), JSON),
    FAVOURITES(CLIENT_API, GET, at("/v1/favourites"), ClientScopes.person("read", "read:favourites"), JSON),
    BOOKMARKS(CLIENT_API, GET, at("/v1/bookmarks"), ClientScopes.person("read", "read:bookmarks"), JSON),
    ACCOUNT_FOLLOW(CLIENT_API, POST, at("/v1/accounts/", CLIENT_ID, "/follow"), ClientScopes.person("write", "write:follows", "follow"), JSON),
    ACCOUNT_UNFOLLOW(CLIENT_API, POST, at("/v1/accounts/", CLIENT_ID, "/unfollow"), ClientScopes.person("write", "write:follows", "follow"), JSON),
    ACCOUNT_BLOCK(CLIENT_API, POST, at("/v1/accounts/", CLIENT_ID, "/block"), ClientScopes.person("write", "write:blocks", "follow"), JSON),
    ACCOUNT_UNBLOCK(CLIENT_API, POST, at("/v1/accounts/", CLIENT_ID, "/unblock"), ClientScopes.person("write", "write:blocks", "follow"), JSON),
    ACCOUNT_MUTE(CLIENT_API, POST, at("/v1/accounts/", CLIENT_ID, "/mute"), ClientScopes.person("write", "write:mutes", "follow"), JSON),
    ACCOUNT_UNMUTE(CLIENT_API, POST, at("/v1/accounts/", CLIENT_ID, "/unmute"), ClientScopes.person("write", "write:mutes", "follow"), JSON),
    ACCOUNT_NOTE(CLIENT_API, POST, at("/v1/accounts/", CLIENT_ID, "/note"), ClientScopes.person("write", "write:accounts"), JSON),
    FOLLOW_REQUESTS(CLIENT_API, GET, at("/v1/follow_requests"), ClientScopes.person("read", "read:follows", "follow"), JSON),
    FOLLOW_REQUEST_AUTHORIZE(CLIENT_API, POST, at("/v1/follow_requests/", CLIENT_ID, "/authorize"), ClientScopes.person("write", "write:follows", "follow"), JSON),
    FOLLOW_REQUEST_REJECT(CLIENT_API, POST, at("/v1/follow_requests/", CLIENT_ID, "/reject"), ClientScopes.person("write", "write:follows", "follow"), JSON),
    BLOCKS(CLIENT_API, GET, at("/v1/blocks"), ClientScopes.person("read", "read:blocks", "follow"), JSON),
    MUTES(CLIENT_API, GET, at("/v1/mutes"), ClientScopes.person("read", "read:mutes", "follow"), JSON),
    DOMAIN_BLOCKS(CLIENT_API, GET, at("/v1/domain_blocks"), ClientScopes.person("read", "read:blocks", "follow"), JSON),
    DOMAIN_BLOCK(CLIENT_API, POST, at("/v1/domain_blocks"), ClientScopes.person("write", "write:blocks", "follow"), JSON),
    /** The domain in the query or the body (the router gives every client DELETE a body reader). */
    DOMAIN_UNBLOCK(CLIENT_API, DELETE, at("/v1/domain_blocks"), ClientScopes.person("write", "write:blocks", "follow"), JSON),
    /** Where a person read up to (start-up of most apps), per person and municipality. */
    MARKERS(CLIENT_API, GET, at("/v1/markers"), ClientScopes.person("read", "read:statuses"), JSON),
    MARKERS_SAVE(CLIENT_API, POST, at("/v1/markers"), ClientScopes.person("write", "write:statuses"), JSON),
    /** The municipality's lists, their members and timelines. */
    LISTS(CLIENT_API, GET, at("/v1/lists"), ClientScopes.person("read", "read:lists"), JSON),
    LIST_CREATE(CLIENT_API, POST, at("/v1/lists"), ClientScopes.person("write", "write:lists"), JSON),
    LIST(CLIENT_API, GET, at("/v1/lists/", CLIENT_ID), ClientScopes.person("read", "read:lists"), JSON),
    LIST_UPDATE(CLIENT_API, PUT, at("/v1/lists/", CLIENT_ID), ClientScopes.person("write", "write:lists"), JSON),
    LIST_DELETE(CLIENT_API, DELETE, at("/v1/lists/", CLIENT_ID), ClientScopes.person("write", "write:lists"), JSON),
    LIST_ACCOUNTS(CLIENT_API, GET, at("/v1/lists/", CLIENT_ID, "/accounts"), ClientScopes.person("read", "read:lists"), JSON),
    LIST_ACCOUNTS_ADD(CLIENT_API, POST, at("/v1/lists/", CLIENT_ID, "/accounts"), ClientScopes.person("write", "write:lists"), JSON),
    LIST_ACCOUNTS_REMOVE(CLIENT_API, DELETE, at("/v1/lists/", CLIENT_ID, "/accounts"), ClientScopes.person("write", "write:lists"), JSON),
    ACCOUNT_LISTS(CLIENT_API, GET, at("/v1/accounts/", CLIENT_ID, "/lists"), ClientScopes.person("read", "read:lists"), JSON),
    LIST_TIMELINE(CLIENT_API, GET, at("/v1/timelines/list/", CLIENT_ID), ClientScopes.person("read", "read:lists"), JSON),
    /** Hashtags: Mastodon shows a tag to any token; following one takes write:follows (or the old follow). */
    TAG(CLIENT_API, GET, at("/v1/tags/", TAG_NAME), ClientScopes.anyToken(), JSON),
    TAG_FOLLOW(CLIENT_API, POST, at("/v1/tags/", TAG_NAME, "/follow"), ClientScopes.person("write", "write:follows", "follow"), JSON),
    TAG_UNFOLLOW(CLIENT_API, POST, at("/v1/tags/", TAG_NAME, "/unfollow"), ClientScopes.person("write", "write:follows", "follow"), JSON),
    FOLLOWED_TAGS(CLIENT_API, GET, at("/v1/followed_tags"), ClientScopes.person("read", "read:follows", "follow"), JSON),
    TAG_TIMELINE(CLIENT_API, GET, at("/v1/timelines/tag/", TAG_NAME), ClientScopes.person("read", "read:statuses"), JSON),
    /** Filters v2, their keywords and statuses; v1 (one keyword each) for older apps. */
    FILTERS(CLIENT_API, GET, at("/v2/filters"), ClientScopes.person("read", "read:filters"), JSON),
    FILTER_CREATE(CLIENT_API, POST, at("/v2/filters"), ClientScopes.person("write", "write:filters"), JSON),
    FILTER(CLIENT_API, GET, at("/v2/filters/", CLIENT_ID), ClientScopes.person("read", "read:filters"), JSON),
    FILTER_UPDATE(CLIENT_API, PUT, at("/v2/filters/", CLIENT_ID), ClientScopes.person("write", "write:filters"), JSON),
    FILTER_DELETE(CLIENT_API, DELETE, at("/v2/filters/", CLIENT_ID), ClientScopes.person("write", "write:filters"), JSON),
    FILTER_KEYWORDS(CLIENT_API, GET, at("/v2/filters/", CLIENT_ID, "/keywords"), ClientScopes.person("read", "read:filters"), JSON),
    FILTER_KEYWORD_ADD(CLIENT_API, POST, at("/v2/filters/", CLIENT_ID, "/keywords"), ClientScopes.person("write", "write:filters"), JSON),
    FILTER_KEYWORD(CLIENT_API, GET, at("/v2/filters/keywords/", CLIENT_ID), ClientScopes.person("read", "read:filters"), JSON),
    FILTER_KEYWORD_UPDATE(CLIENT_API, PUT, at("/v2/filters/keywords/", CLIENT_ID), ClientScopes.person("write", "write:filters"), JSON),
    FILTER_KEYWORD_DELETE(CLIENT_API, DELETE, at("/v2/filters/keywords/", CLIENT_ID), ClientScopes.person("write", "write:filters"), JSON),
    FILTER_STATUSES(CLIENT_API, GET, at("/v2/filters/", CLIENT_ID, "/statuses"), ClientScopes.person("read", "read:filters"), JSON),
    FILTER_STATUS_ADD(CLIENT_API, POST, at("/v2/filters/", CLIENT_ID, "/statuses"), ClientScopes.person("write", "write:filters"), JSON),
    FILTER_STATUS(CLIENT_API, GET, at("/v2/filters/statuses/", CLIENT_ID), ClientScopes.person("read", "read:filters"), JSON),
    FILTER_STATUS_DELETE(CLIENT_API, DELETE, at("/v2/filters/statuses/", CLIENT_ID), ClientScopes.person("write", "write:filters"), JSON),
    FILTERS_V1(CLIENT_API, GET, at("/v1/filters"), ClientScopes.person("read", "read:filters"), JSON),
    FILTER_V1_CREATE(CLIENT_API, POST, at("/v1/filters"), ClientScopes.person("write", "write:filters"), JSON),
    FILTER_V1(CLIENT_API, GET, at("/v1/filters/", CLIENT_ID), ClientScopes.person("read", "read:filters"), JSON),
    FILTER_V1_UPDATE(CLIENT_API, PUT, at("/v1/filters/", CLIENT_ID), ClientScopes.person("write", "write:filters"), JSON),
    FILTER_V1_DELETE(CLIENT_API, DELETE, at("/v1/filters/", CLIENT_ID), ClientScopes.person("write", "write:filters"), JSON),
    /** A report about an account and some of its posts, kept for moderation; forwarded to a remote account's server as a Flag. */
    REPORT_CREATE(CLIENT_API, POST, at("/v1/reports"), ClientScopes.person("write", "write:reports"), JSON),
    /**
     * Web Push (RFC 8030/8291/8292): the token's one subscription. Mastodon asks the {@code push} scope and a person
     * behind the token; another token's subscription is never in reach.
     */
    PUSH_SUBSCRIPTION(CLIENT_API, GET, at("/v1/push/subscription"), ClientScopes.person("push"), JSON),
    PUSH_SUBSCRIBE(CLIENT_API, POST, at("/v1/push/subscription"), ClientScopes.person("push"), JSON),
    PUSH_SUBSCRIPTION_UPDATE(CLIENT_API, PUT, at("/v1/push/subscription"), ClientScopes.person("push"), JSON),
    PUSH_SUBSCRIPTION_DELETE(CLIENT_API, DELETE, at("/v1/push/subscription"), ClientScopes.person("push"), JSON),
    APPS_VERIFY_CREDENTIALS(CLIENT_API, GET, at("/v1/apps/verify_credentials"), ClientScopes.anyToken(), JSON),
    /** The login and consent page; its form posts to {@link #OAUTH_AUTHORIZE_FORM}. */
    OAUTH_AUTHORIZE(OAUTH, GET, at("/authorize"), PUBLIC, HTML),
    OAUTH_AUTHORIZE_FORM(OAUTH, POST, at("/authorize"), PUBLIC, HTML),
    /** Token and revocation requests authenticate their client themselves (basic or in the body). */
    OAUTH_TOKEN(OAUTH, POST, at("/token"), PUBLIC, JSON),
    OAUTH_REVOKE(OAUTH, POST, at("/revoke"), PUBLIC, JSON),
    OAUTH_USERINFO(OAUTH, GET, at("/userinfo"), ClientScopes.person("profile"), JSON),
    OAUTH_USERINFO_POST(OAUTH, POST, at("/userinfo"), ClientScopes.person("profile"), JSON),
    /** Where a person chooses a password, from a one-time link the CLI printed ({@code user create|reset-password}). */
    PASSWORD(ACCOUNTS, GET, at("/password"), PUBLIC, HTML),
    PASSWORD_FORM(ACCOUNTS, POST, at("/password"), PUBLIC, HTML);

    private final Area area;
    private final HttpMethod method;
    private final PathTemplate template;
    private final Access access;
    private final Optional<Scope> scope;
    private final Optional<ClientScopes> clientScopes;
    private final List<String> produces;

    Route(Area area, HttpMethod method, PathTemplate template, Access access, String... produces) {
        this(area, method, template, access, Optional.empty(), produces);
    }

    /** A staff API route: a bearer token with this scope. */
    Route(HttpMethod method, PathTemplate template, Scope scope, String... produces) {
        this(STAFF_API, method, template, Access.STAFF, Optional.of(scope), produces);
    }

    /** A Mastodon client API route: an OAuth token with one of the route's scopes. */
    Route(Area area, HttpMethod method, PathTemplate template, ClientScopes clientScopes, String... produces) {
        this(area, method, template, Access.CLIENT, Optional.empty(), Optional.of(clientScopes), produces);
    }

    Route(Area area, HttpMethod method, PathTemplate template, Access access, Optional<Scope> scope, String... produces) {
        this(area, method, template, access, scope, Optional.empty(), produces);
    }

    Route(Area area, HttpMethod method, PathTemplate template, Access access, Optional<Scope> scope,
          Optional<ClientScopes> clientScopes, String... produces) {
        this.area = area;
        this.method = method;
        this.template = template.under(area.prefix());
        this.access = access;
        this.scope = scope;
        this.clientScopes = clientScopes;
        this.produces = List.of(produces);
    }

    public Area area() { return area; }
    public HttpMethod method() { return method; }
    public PathTemplate template() { return template; }
    public Access access() { return access; }
    /** The scope a staff token needs; empty for every other route. */
    public Optional<Scope> scope() { return scope; }
    /** What a client API route asks of an OAuth token; empty for every other route. */
    public Optional<ClientScopes> clientScopes() { return clientScopes; }
    /** The media types a successful answer has (none for 204). */
    public List<String> produces() { return produces; }

    /** The raw path for these parameter values (in template order), percent-encoded where needed. */
    public String path(String... values) {
        return template.build(List.of(values), Map.of());
    }

    /** The raw path and query, e.g. a collection page: {@code OUTBOX.path(Map.of(MAX_ID, "42"), handle)}. */
    public String path(Map<Param, String> query, String... values) {
        return template.build(List.of(values), query);
    }

    /** This route's values in a raw path and query (null if none), if they match it exactly. */
    public Optional<RouteMatch> match(String rawPath, String rawQuery) {
        return template.match(rawPath, rawQuery).map(v -> new RouteMatch(this, v.path(), v.query()));
    }

    /** The first route (in declaration order: reading before writing) that a raw path and query match. */
    public static Optional<RouteMatch> find(String rawPath, String rawQuery) {
        for (Route route : values()) {
            Optional<RouteMatch> m = route.match(rawPath, rawQuery);
            if (m.isPresent()) return m;
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name() + " " + method + " " + template;
    }
}
