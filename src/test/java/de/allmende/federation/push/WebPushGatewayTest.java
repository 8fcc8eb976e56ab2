package de.allmende.federation.push;

import de.allmende.service.port.PushGateway.Answer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the node makes of a push service's answer (RFC 8030 §5 and §8.4; Mastodon's worker does the same). */
@DisplayName("push service answers: 2xx taken, 404/410 gone, 429/5xx later, other refusals final")
class WebPushGatewayTest {
    @Test
    void answers() {
        for (int s : new int[] {200, 201, 202}) assertEquals(Answer.ACCEPTED, WebPushGateway.answer(s), "" + s);
        for (int s : new int[] {404, 410}) assertEquals(Answer.GONE, WebPushGateway.answer(s), "" + s);
        for (int s : new int[] {429, 500, 502, 503, 504}) assertEquals(Answer.TRY_LATER, WebPushGateway.answer(s), "" + s);
        for (int s : new int[] {400, 401, 403, 413, 301}) assertEquals(Answer.REFUSED, WebPushGateway.answer(s), "" + s);
    }
}
