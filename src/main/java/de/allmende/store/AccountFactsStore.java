package de.allmende.store;

import de.allmende.domain.LocalActor;
import de.allmende.domain.client.AccountFacts;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts as client apps show them ({@link AccountFacts}): the local municipality's profile or what the remote
 * actor's document says (icon, image, summary, url, published, as fetched), with their counts. One query for many
 * accounts, so a page of statuses costs one lookup of its authors.
 */
public final class AccountFactsStore {
    /**
     * The local actors apps see as accounts: municipalities, coordinators and their topic groups (Mastodon shows a
     * group as an account with {@code group: true}); not the instance or relay actor, which speak for the node.
     */
    private static final String ACCOUNT_KINDS = "('municipality', 'coordinator', 'group')";

    private static final String SELECT = """
            SELECT a.id, act.handle, act.kind AS local_kind, act.display_name, act.summary, act.website, act.manually_approves_followers,
                   act.discoverable, act.published AS local_published, act.bot AS local_bot,
                   act.avatar_media_id, act.header_media_id, act.profile_fields::text AS profile_fields,
                   ra.iri, ra.host, ra.type, ra.preferred_username, ra.name, ra.fetched,
                   ra.raw->>'summary' AS remote_summary,
                   COALESCE(ra.raw#>>'{icon,url}', ra.raw#>>'{icon,0,url}',
                            CASE WHEN jsonb_typeof(ra.raw->'icon') = 'string' THEN ra.raw->>'icon' END) AS icon,
                   COALESCE(ra.raw#>>'{image,url}', ra.raw#>>'{image,0,url}') AS image,
                   CASE WHEN jsonb_typeof(ra.raw->'url') = 'string' THEN ra.raw->>'url' ELSE ra.raw#>>'{url,href}' END AS remote_url,
                   ra.raw->>'manuallyApprovesFollowers' AS remote_locked,
                   ra.raw->>'published' AS remote_published,
                   (SELECT count(*) FROM post p WHERE p.author_id = a.id AND p.deleted IS NULL
                        AND p.visibility IN ('public', 'unlisted')) AS statuses,
                   (SELECT max(p.published) FROM post p WHERE p.author_id = a.id AND p.deleted IS NULL) AS last_status,
                   (SELECT count(*) FROM follow f WHERE f.followee_id = a.id AND f.state = 'accepted') AS followers,
                   (SELECT count(*) FROM follow f WHERE f.follower_id = a.id AND f.state = 'accepted') AS following
            FROM account a
            LEFT JOIN actor act ON act.id = a.local_actor_id AND act.kind IN """ + ACCOUNT_KINDS + " " + """
            LEFT JOIN remote_actor ra ON ra.id = a.remote_actor_id
            """;

    /** The accounts with these ids, by id; ids of no account (or of the instance actor) are missing. */
    public Map<Long, AccountFacts> byIds(DSLContext tx, Collection<Long> ids) {
        Map<Long, AccountFacts> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        tx.fetch(SELECT + " WHERE a.id = ANY(?) AND (act.id IS NOT NULL OR ra.id IS NOT NULL)", (Object) ids.toArray(Long[]::new))
                .forEach(r -> out.put(r.get("id", Long.class), read(r)));
        return out;
    }

    public Optional<AccountFacts> byId(DSLContext tx, long id) {
        return Optional.ofNullable(byIds(tx, java.util.List.of(id)).get(id));
    }

    /** A local municipality by handle, or a remote actor by preferred username and host. */
    public Optional<AccountFacts> byAcct(DSLContext tx, String username, Optional<String> host) {
        Optional<Long> id = host.isEmpty()
                ? tx.fetchOptional("SELECT a.id FROM account a JOIN actor act ON act.id = a.local_actor_id"
                        + " WHERE act.handle = ? AND act.kind IN " + ACCOUNT_KINDS, username).map(r -> r.get(0, Long.class))
                : tx.fetchOptional("SELECT a.id FROM account a JOIN remote_actor ra ON ra.id = a.remote_actor_id"
                        + " WHERE lower(ra.preferred_username) = lower(?) AND lower(ra.host) = lower(?) ORDER BY a.id LIMIT 1",
                        username, host.get()).map(r -> r.get(0, Long.class));
        return id.flatMap(i -> byId(tx, i));
    }

    private static AccountFacts read(Record r) {
        int statuses = r.get("statuses", Integer.class);
        int followers = r.get("followers", Integer.class);
        int following = r.get("following", Integer.class);
        Optional<Instant> last = Optional.ofNullable(r.get("last_status", OffsetDateTime.class)).map(OffsetDateTime::toInstant);
        String handle = r.get("handle", String.class);
        if (handle != null) {
            String fields = r.get("profile_fields", String.class);
            return new AccountFacts(r.get("id", Long.class), handle, Optional.empty(), r.get("display_name", String.class),
                    de.allmende.support.Html.paragraphs(r.get("summary", String.class)), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(),
                    new AccountFacts.ProfileImages(Optional.ofNullable(r.get("avatar_media_id", UUID.class)),
                            Optional.ofNullable(r.get("header_media_id", UUID.class))),
                    fields == null ? LocalActor.websiteField(uri(r.get("website", String.class))) : ProfileFieldsColumn.read(JSONB.jsonb(fields)),
                    r.get("manually_approves_followers", Boolean.class), r.get("local_bot", Boolean.class),
                    "group".equals(r.get("local_kind", String.class)),
                    r.get("discoverable", Boolean.class),
                    r.get("local_published", OffsetDateTime.class).toInstant(), last, statuses, followers, following);
        }
        URI iri = URI.create(r.get("iri", String.class));
        String type = r.get("type", String.class);
        String username = Optional.ofNullable(r.get("preferred_username", String.class)).orElseGet(() -> lastSegment(iri));
        return new AccountFacts(r.get("id", Long.class), username, Optional.of(r.get("host", String.class)),
                Optional.ofNullable(r.get("name", String.class)).orElse(""), Optional.ofNullable(r.get("remote_summary", String.class)).orElse(""),
                Optional.of(iri), uri(r.get("remote_url", String.class)).or(() -> Optional.of(iri)),
                uri(r.get("icon", String.class)), uri(r.get("image", String.class)), AccountFacts.ProfileImages.NONE, List.of(),
                "true".equals(r.get("remote_locked", String.class)), "Service".equals(type) || "Application".equals(type),
                "Group".equals(type), true,
                instant(r.get("remote_published", String.class)).orElse(r.get("fetched", OffsetDateTime.class).toInstant()),
                last, statuses, followers, following);
    }

    /** Only http(s) URLs leave here: apps load them. */
    private static Optional<URI> uri(String s) {
        if (s == null) return Optional.empty();
        try {
            URI u = new URI(s);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String lastSegment(URI iri) {
        String path = iri.getPath() == null ? "" : iri.getPath().replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
