package de.allmende.service.push;

import com.google.crypto.tink.subtle.EllipticCurves;
import de.allmende.db.Database;
import de.allmende.domain.push.NewPushSubscription;
import de.allmende.domain.push.PushSettings;
import de.allmende.domain.push.PushSubscription;
import de.allmende.service.KeyService;
import de.allmende.store.push.PushSubscriptionStore;
import de.allmende.support.ApiException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * An app's Web Push subscription (docs.joinmastodon.org/methods/push): one per access token; subscribing again
 * replaces it, revoking the token removes it. Endpoints and keys are checked as Mastodon 4.3 checks them, so a
 * subscription that could never be pushed to is refused (422) instead of failing silently later.
 */
public final class PushSubscriptions {
    private static final String NOT_FOUND = "Record not found";
    private static final int MAX_ENDPOINT = 2048;

    /** Who subscribes: the token (which the payload carries back to the app) and the municipality's account it acts as. */
    public record Subscriber(long tokenId, long accountId, String accessToken) {}

    private final Database db;
    private final KeyService keys;
    private final boolean allowPlainHttp;
    private final PushSubscriptionStore store = new PushSubscriptionStore();

    /** @param allowPlainHttp push services on plain HTTP (tests and development, with private networks allowed) */
    public PushSubscriptions(Database db, KeyService keys, boolean allowPlainHttp) {
        this.db = db;
        this.keys = keys;
        this.allowPlainHttp = allowPlainHttp;
    }

    public PushSubscription subscribe(Subscriber who, String endpoint, String p256dh, String auth, PushSettings settings) {
        NewPushSubscription s = checked(endpoint, p256dh, auth, settings, allowPlainHttp);
        byte[] sealed = keys.seal(who.accessToken().getBytes(StandardCharsets.UTF_8), tokenContext(who.tokenId()));
        long id = db.dsl().transactionResult(cfg -> store.replace(cfg.dsl(), who.tokenId(), who.accountId(), s, sealed));
        return new PushSubscription(id, s.endpoint(), settings);
    }

    public PushSubscription get(long tokenId) {
        return store.findOfToken(db.dsl(), tokenId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** New alerts and policy for the token's subscription (the rest stays). */
    public PushSubscription update(long tokenId, PushSettings settings) {
        if (!store.updateSettings(db.dsl(), tokenId, settings)) throw ApiException.notFound(NOT_FOUND);
        return get(tokenId);
    }

    public void remove(long tokenId) {
        store.deleteOfToken(db.dsl(), tokenId);
    }

    /** The access token a subscription carries, unsealed for its payload. */
    String accessToken(PushSubscriptionStore.Target target) {
        return new String(keys.unseal(target.sealedToken(), tokenContext(target.tokenId())), StandardCharsets.UTF_8);
    }

    private static String tokenContext(long tokenId) {
        return "allmende:push-token:" + tokenId;
    }

    /**
     * What an app sent, checked: an absolute http(s) URL without user info (plain HTTP only where allowed), a P-256 point
     * and a 16-byte secret in base64(url); a 422 with Mastodon's wording otherwise.
     */
    public static NewPushSubscription checked(String endpoint, String p256dh, String auth, PushSettings settings, boolean allowPlainHttp) {
        return new NewPushSubscription(endpoint(endpoint, allowPlainHttp), publicKey(p256dh), authSecret(auth), settings);
    }

    private static URI endpoint(String value, boolean allowPlainHttp) {
        if (value == null || value.isBlank()) throw invalid("Endpoint can't be blank");
        try {
            URI uri = new URI(value.strip());
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            boolean allowed = scheme.equals("https") || scheme.equals("http") && allowPlainHttp;
            if (!allowed || uri.getHost() == null || uri.getRawUserInfo() != null || value.length() > MAX_ENDPOINT) {
                throw invalid("Endpoint is not a valid URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("Endpoint is not a valid URL");
        }
    }

    /** The app's P-256 public key: 65 bytes, uncompressed, a point on the curve. */
    private static byte[] publicKey(String value) {
        byte[] key = decode(value, "Key p256dh");
        try {
            EllipticCurves.pointDecode(EllipticCurves.CurveType.NIST_P256, EllipticCurves.PointFormatType.UNCOMPRESSED, key);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid("Key p256dh is not a valid P-256 public key");
        }
    }

    private static byte[] authSecret(String value) {
        byte[] secret = decode(value, "Key auth");
        if (secret.length != 16) throw invalid("Key auth must be 16 bytes");
        return secret;
    }

    /** Apps send base64url (RFC 8291) or plain base64, padded or not. */
    private static byte[] decode(String value, String what) {
        if (value == null || value.isBlank()) throw invalid(what + " can't be blank");
        String url = value.strip().replace('+', '-').replace('/', '_').replaceAll("=+$", "");
        try {
            return Base64.getUrlDecoder().decode(url);
        } catch (IllegalArgumentException e) {
            throw invalid(what + " is not valid base64");
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.unprocessable("Validation failed: " + message);
    }
}
