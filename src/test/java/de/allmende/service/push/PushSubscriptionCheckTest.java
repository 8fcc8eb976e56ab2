package de.allmende.service.push;

import de.allmende.domain.push.NewPushSubscription;
import de.allmende.domain.push.PushPolicy;
import de.allmende.domain.push.PushSettings;
import de.allmende.support.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an app may subscribe with: checked before anything is stored, as Mastodon 4.3 checks it. */
@DisplayName("push subscriptions: endpoints and keys are checked before they are kept")
class PushSubscriptionCheckTest {
    /** The P-256 generator point: a valid public key. */
    private static final String KEY = "BGsX0fLhLEJH-Lzm5WOkQPJ3A32BLeszoPShOUXYmMKWT-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU";
    private static final String AUTH = "AAECAwQFBgcICQoLDA0ODw";
    private static final PushSettings ALL = new PushSettings(Set.of("mention"), PushPolicy.ALL);

    @Test
    @DisplayName("https endpoints always; plain http only where private networks are allowed (tests, development)")
    void endpoints() {
        assertEquals("https://push.example/abc", PushSubscriptions.checked("https://push.example/abc", KEY, AUTH, ALL, false).endpoint().toString());
        assertEquals(422, status(() -> PushSubscriptions.checked("http://push.example/abc", KEY, AUTH, ALL, false)));
        assertEquals("http://127.0.0.1:9/x", PushSubscriptions.checked("http://127.0.0.1:9/x", KEY, AUTH, ALL, true).endpoint().toString());
        for (String bad : new String[] {"ftp://push.example/x", "/relative", "https://", "https://u:p@push.example/x", "https://push.example/" + "a".repeat(2048)}) {
            assertEquals(422, status(() -> PushSubscriptions.checked(bad, KEY, AUTH, ALL, true)), bad);
        }
    }

    @Test
    @DisplayName("keys in base64url or plain padded base64 alike; anything but a curve point and 16 bytes is 422")
    void keys() {
        NewPushSubscription s = PushSubscriptions.checked("https://push.example/a", KEY, AUTH, ALL, false);
        assertEquals(65, s.p256dh().length);
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, s.auth());
        String padded = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(KEY));
        assertArrayEquals(s.p256dh(), PushSubscriptions.checked("https://push.example/a", padded, AUTH + "==", ALL, false).p256dh());
        String offCurve = KEY.substring(0, KEY.length() - 2) + "AA";
        for (String[] bad : new String[][] {{offCurve, AUTH}, {KEY.substring(1), AUTH}, {KEY, AUTH + "AA"}, {"%%%", AUTH}, {KEY, null}, {null, AUTH}}) {
            assertEquals(422, status(() -> PushSubscriptions.checked("https://push.example/a", bad[0], bad[1], ALL, false)), bad[0] + " " + bad[1]);
        }
    }

    private static int status(Runnable r) {
        return assertThrows(ApiException.class, r::run).status();
    }
}
