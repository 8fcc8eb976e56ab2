package de.allmende.federation.push;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.service.port.PushGateway;
import de.allmende.service.push.VapidKey;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Web Push over the node's guarded outbound client: the payload encrypted as RFC 8291 {@code aes128gcm} for the app's
 * keys, a VAPID {@code Authorization: vapid t=…, k=…} header (RFC 8292; the token's audience is the endpoint's origin,
 * it expires after 12 hours), {@code TTL} and {@code Urgency} as Mastodon sends them. The library (and the elliptic-curve
 * classes it uses) load on the first push, not before: most nodes sit idle most of the time.
 */
public final class WebPushGateway implements PushGateway {
    /** Mastodon's: a notification two days old is no news. */
    private static final int TTL_SECONDS = 48 * 3600;
    /** Push services answer with a few bytes; a small cap and the usual deadline. */
    private static final Limits LIMITS = new Limits(Duration.ofSeconds(10), 16 * 1024);
    /**
     * Push services must take 4096 bytes of body (RFC 8030 §7.2): less the 86-byte header, the padding delimiter and the
     * authentication tag, that leaves this much plaintext in the one record the library writes.
     */
    static final int MAX_PAYLOAD = 4096 - 86 - 1 - 16;

    private final SafeHttpClient http;
    private final VapidKey vapid;
    private final String subject;
    private volatile WebPush webPush;

    /**
     * @param contact the node's address for push services (RFC 8292 {@code sub}): its public URL where that is https,
     *                else the postmaster of its host (a node on plain HTTP runs for development only)
     */
    public WebPushGateway(SafeHttpClient http, VapidKey vapid, URI contact) {
        this.http = http;
        this.vapid = vapid;
        this.subject = "https".equalsIgnoreCase(contact.getScheme()) ? contact.toString() : "mailto:postmaster@" + contact.getHost();
    }

    @Override
    public Answer send(Message message) throws IOException {
        if (message.payload().length > MAX_PAYLOAD) return Answer.REFUSED;
        WebPush push = webPush();
        byte[] body;
        Map<String, String> headers;
        try {
            body = push.getBody(message.payload(), message.p256dh(), message.auth());
            headers = push.getHeaders(message.endpoint().toString(), TTL_SECONDS, null, WebPush.Urgency.Normal);
        } catch (Exception e) { // keys the JDK will not use (checked at subscribing, so a broken row): never deliverable
            return Answer.REFUSED;
        }
        try {
            return answer(http.post(message.endpoint(), body, headers, LIMITS).status());
        } catch (SafeHttpClient.BlockedDestinationException e) {
            return Answer.REFUSED; // an endpoint on an internal address stays one
        }
    }

    /** 201 is RFC 8030's answer; 404 and 410 say the subscription is gone; 429 and 5xx ask to come back. */
    static Answer answer(int status) {
        if (status >= 200 && status < 300) return Answer.ACCEPTED;
        if (status == 404 || status == 410) return Answer.GONE;
        if (status == 429 || status >= 500) return Answer.TRY_LATER;
        return Answer.REFUSED;
    }

    private WebPush webPush() {
        WebPush made = webPush;
        if (made != null) return made;
        synchronized (this) {
            if (webPush == null) {
                VapidKey.Pair pair = vapid.pair();
                Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
                webPush = new WebPush(subject, VapidKeys.fromUncompressedBytes(b64.encodeToString(pair.publicKey()),
                        b64.encodeToString(pair.privateKey())));
            }
            return webPush;
        }
    }
}
