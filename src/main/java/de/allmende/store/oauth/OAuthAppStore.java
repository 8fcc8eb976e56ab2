package de.allmende.store.oauth;

import de.allmende.db.tables.records.OauthAppRecord;
import de.allmende.domain.oauth.OAuthApp;
import de.allmende.domain.oauth.OAuthScopes;
import org.jooq.DSLContext;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.OAUTH_APP;

/** Registered OAuth clients; the client secret only as its hash. */
public final class OAuthAppStore {

    public OAuthApp insert(DSLContext tx, String clientId, byte[] secretHash, String name, Optional<String> website,
                           List<String> redirectUris, OAuthScopes scopes) {
        return toApp(tx.insertInto(OAUTH_APP).set(OAUTH_APP.CLIENT_ID, clientId).set(OAUTH_APP.SECRET_HASH, secretHash)
                .set(OAUTH_APP.NAME, name).set(OAUTH_APP.WEBSITE, website.orElse(null))
                .set(OAUTH_APP.REDIRECT_URIS, redirectUris.toArray(String[]::new))
                .set(OAUTH_APP.SCOPES, scopes.list().toArray(String[]::new))
                .returning().fetchSingle());
    }

    public Optional<OAuthApp> findByClientId(DSLContext tx, String clientId) {
        return tx.selectFrom(OAUTH_APP).where(OAUTH_APP.CLIENT_ID.eq(clientId)).fetchOptional(OAuthAppStore::toApp);
    }

    public Optional<OAuthApp> findById(DSLContext tx, long id) {
        return tx.selectFrom(OAUTH_APP).where(OAUTH_APP.ID.eq(id)).fetchOptional(OAuthAppStore::toApp);
    }

    /** The app whose client id and secret hash both match. */
    public Optional<OAuthApp> findByCredentials(DSLContext tx, String clientId, byte[] secretHash) {
        return tx.selectFrom(OAUTH_APP).where(OAUTH_APP.CLIENT_ID.eq(clientId), OAUTH_APP.SECRET_HASH.eq(secretHash))
                .fetchOptional(OAuthAppStore::toApp);
    }

    private static OAuthApp toApp(OauthAppRecord r) {
        // Stored scopes were checked when the app registered; a scope a later version dropped grants nothing.
        OAuthScopes scopes = new OAuthScopes(new java.util.LinkedHashSet<>(Arrays.stream(r.getScopes())
                .filter(OAuthScopes.KNOWN::contains).toList()));
        return new OAuthApp(r.getId(), r.getClientId(), r.getName(), Optional.ofNullable(r.getWebsite()),
                List.of(r.getRedirectUris()), scopes, r.getCreated().toInstant());
    }
}
