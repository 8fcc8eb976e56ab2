package de.allmende.domain.client;

import de.allmende.domain.ProfileField;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a client app shows of an account (Mastodon's Account entity, before it is JSON): a local municipality or
 * a remote actor as this node knows it. Local accounts carry their handle; their IRIs derive from the public URL
 * and are added where the route table is known.
 *
 * @param host        empty for a local account; the remote actor's host otherwise (its {@code acct} is user@host)
 * @param noteHtml    the profile text as HTML; from a remote server, as it came (to be sanitised where rendered)
 * @param uri         the actor IRI; empty for a local account
 * @param url         the profile page; empty for a local account
 * @param avatar      the remote actor's icon, if it has one; empty for a local account
 * @param header      the remote actor's image, if it has one
 * @param uploads     a local account's avatar and header, uploads of its own (none for a remote account)
 * @param fields      a local account's profile fields, as typed (none shown for a remote account yet)
 */
public record AccountFacts(long id, String username, Optional<String> host, String displayName, String noteHtml,
                           Optional<URI> uri, Optional<URI> url, Optional<URI> avatar, Optional<URI> header,
                           ProfileImages uploads, List<ProfileField> fields, boolean locked, boolean bot, boolean group, boolean discoverable,
                           Instant createdAt, Optional<Instant> lastStatusAt, int statuses, int followers, int following) {
    public AccountFacts {
        fields = List.copyOf(fields);
    }

    /** Uploads (media ids) a local profile shows as avatar and header. */
    public record ProfileImages(Optional<UUID> avatar, Optional<UUID> header) {
        public static final ProfileImages NONE = new ProfileImages(Optional.empty(), Optional.empty());
    }

    public boolean isLocal() {
        return host.isEmpty();
    }

    /** Mastodon's {@code acct}: the handle here, user@host elsewhere. */
    public String acct() {
        return host.map(h -> username + "@" + h).orElse(username);
    }
}
