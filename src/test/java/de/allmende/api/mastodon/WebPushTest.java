package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.PushReceiver;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web Push (issue 10) as a staff member's app uses it while closed: the app subscribes its token with a push service's
 * endpoint and its keys; when a peer follows the municipality or favourites its post, the push service gets a message
 * that a user agent can decrypt (checked with http_ece, the reference implementation) under a VAPID token signed with
 * the key the instance announces, holding Mastodon's push payload. Alerts and policy choose what is pushed; a push
 * service that says the subscription is gone loses it, one that is overloaded gets the message again.
 */
@DisplayName("Client API Web Push: push/subscription, RFC 8291 payloads under VAPID, alerts and policy, gone and retried")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPushTest {
    private static final String PATH = "/api/v1/push/subscription";
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static MastodonApp mastodonApp;
    private static ClientApi app;
    private static PushReceiver pushService;
    private static String serverKey;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        mastodonApp = MastodonApp.register(node, "https://app.example/callback", "read write push");
        app = new ClientApi(node, mastodonApp.login("kaemmerin", "read write push"));
        pushService = PushReceiver.start();
        serverKey = new ClientApi(node, null).entity("/api/v2/instance", "Instance").at("/configuration/vapid/public_key").asText();
    }

    @AfterAll
    static void stop() {
        if (pushService != null) pushService.close();
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @BeforeEach
    void answerAsAPushService() {
        pushService.answer(201);
    }

    @Test
    @Order(1)
    @DisplayName("the node has one VAPID key: a P-256 point in instance v2, the same in the Application entity, and it stays")
    void oneVapidKey() {
        assertEquals(65, java.util.Base64.getUrlDecoder().decode(serverKey).length, serverKey);
        assertEquals(4, java.util.Base64.getUrlDecoder().decode(serverKey)[0], "uncompressed");
        assertEquals(serverKey, app.entity("/api/v1/apps/verify_credentials", "Application").path("vapid_key").asText());
        HttpResponse<String> registered = MastodonApp.json(node, "POST", "/api/v1/apps", null,
                "{\"client_name\":\"Zweite App\",\"redirect_uris\":\"urn:ietf:wg:oauth:2.0:oob\",\"scopes\":\"push\"}");
        assertEquals(serverKey, ClientApi.entity(registered, "CredentialApplication").path("vapid_key").asText());
        assertEquals(1, node.count("SELECT count(*) FROM vapid_key"));
        assertTrue(node.count("SELECT length(sealed_private_key) FROM vapid_key") > 32, "the private scalar is kept sealed (AEAD)");
    }

    @Test
    @Order(2)
    @DisplayName("subscribe (form, as Tusky), read, change alerts and policy (JSON, as Elk), unsubscribe: WebPushSubscription each time")
    void subscriptionLifeCycle() {
        JsonNode created = ClientApi.entity(app.form("POST", PATH, subscriptionForm("lebenszyklus")
                + "&data[alerts][follow]=true&data[alerts][favourite]=1&data[alerts][mention]=false&data[policy]=all"), "WebPushSubscription");
        assertEquals(pushService.endpoint("lebenszyklus"), created.path("endpoint").asText());
        assertEquals(serverKey, created.path("server_key").asText());
        assertTrue(created.path("standard").asBoolean(), "RFC 8291 messages");
        assertEquals(Map.of("follow", true, "favourite", true, "mention", false, "reblog", false, "poll", false),
                Map.of("follow", created.at("/alerts/follow").asBoolean(), "favourite", created.at("/alerts/favourite").asBoolean(),
                        "mention", created.at("/alerts/mention").asBoolean(), "reblog", created.at("/alerts/reblog").asBoolean(),
                        "poll", created.at("/alerts/poll").asBoolean()));
        assertEquals("all", created.path("policy").asText());
        assertEquals(created, app.entity(PATH, "WebPushSubscription"));

        JsonNode changed = app.entity("PUT", PATH, "{\"data\":{\"alerts\":{\"mention\":true},\"policy\":\"followed\"}}", "WebPushSubscription");
        assertEquals(created.path("id"), changed.path("id"));
        assertEquals(created.path("endpoint"), changed.path("endpoint"), "PUT changes only alerts and policy");
        assertTrue(changed.at("/alerts/mention").asBoolean());
        assertFalse(changed.at("/alerts/follow").asBoolean(), "as on Mastodon, an alert not given is off");
        assertEquals("followed", changed.path("policy").asText());

        JsonNode again = app.entity("POST", PATH, subscriptionJson("ersetzt", "{\"alerts\":{\"reblog\":true}}"), "WebPushSubscription");
        assertNotEquals(created.path("id"), again.path("id"), "a new subscription replaces the token's old one");
        assertEquals(1, node.count("SELECT count(*) FROM push_subscription"));
        assertEquals(pushService.endpoint("ersetzt"), app.entity(PATH, "WebPushSubscription").path("endpoint").asText());

        assertEquals("{}", ClientApi.ok(app.send("DELETE", PATH, null)).toString());
        assertEquals(404, app.error(PATH));
        assertEquals(404, app.error("PUT", PATH, "{\"data\":{\"policy\":\"all\"}}"));
        assertEquals(200, app.send("DELETE", PATH, null).statusCode(), "deleting none is no error, as on Mastodon");
    }

    @Test
    @Order(3)
    @DisplayName("a remote follow and like arrive as pushes: VAPID token by the instance's key for the push service's origin,"
            + " aes128gcm that http_ece decrypts, Mastodon's payload with the token and the notification")
    void followAndLikeArriveAsPushes() {
        subscribe("alles", "{\"alerts\":{\"follow\":true,\"favourite\":true},\"policy\":\"all\"}");
        deliver(remote.follow(anna, node.actorIri("musterstadt")));
        PushReceiver.Received followPush = pushService.await(1);
        URI post = node.node().services().notes.publish(node.actor("musterstadt"), "<p>Haushalt 2027 beschlossen</p>");
        deliver(remote.like(anna, post));
        PushReceiver.Received likePush = pushService.await(2);
        List<JsonNode> notifications = awaitNotifications(2);

        for (PushReceiver.Received push : List.of(followPush, likePush)) {
            assertEquals("/push/alles", push.path());
            assertEquals("aes128gcm", push.header("Content-Encoding"));
            assertEquals("172800", push.header("TTL"));
            assertEquals("normal", push.header("Urgency"));
            PushReceiver.Vapid vapid = PushReceiver.vapid(push);
            assertEquals(serverKey, vapid.publicKey(), "signed with the key apps were given");
            assertEquals(pushService.origin(), vapid.claims().path("aud").asText());
            long exp = vapid.claims().path("exp").asLong();
            assertTrue(exp > Instant.now().getEpochSecond() && exp <= Instant.now().plusSeconds(24 * 3600).getEpochSecond(), "exp " + exp);
            assertTrue(vapid.claims().path("sub").asText().matches("(mailto|https):.+"), vapid.claims().toString());
            JsonNode decrypted = pushService.decrypt(push);
            assertEquals(87, decrypted.path("senderKey").asText().length(), "a P-256 point as the key id: " + decrypted);
            assertNotEquals(serverKey, decrypted.path("senderKey").asText(), "a fresh key per message, not the VAPID key");
            assertEquals(4096, decrypted.path("recordSize").asInt());
        }
        JsonNode follow = pushService.payload(followPush);
        assertEquals(app.token(), follow.path("access_token").asText());
        assertEquals("follow", follow.path("notification_type").asText());
        assertTrue(follow.path("notification_id").isIntegralNumber(), "a number, as Mastodon's apps decode it: " + follow);
        assertEquals(notifications.get(1).path("id").asText(), follow.path("notification_id").asText());
        assertEquals("Fake anna folgt dir jetzt", follow.path("title").asText());
        assertEquals("de", follow.path("preferred_locale").asText());
        assertEquals(notifications.get(1).at("/account/avatar_static").asText(), follow.path("icon").asText());
        JsonNode like = pushService.payload(likePush);
        assertEquals("favourite", like.path("notification_type").asText());
        assertEquals(notifications.get(0).path("id").asText(), like.path("notification_id").asText());
        assertEquals("Fake anna hat deinen Beitrag favorisiert", like.path("title").asText());
        assertEquals("Haushalt 2027 beschlossen", like.path("body").asText());
        assertEquals(2, pushService.received().size(), "each once");
    }

    @Test
    @Order(4)
    @DisplayName("alerts choose the types and the policy whom from: off alerts, 'followed' and 'none' push nothing, 'follower' does")
    void alertsAndPolicy() {
        int before = pushService.received().size();
        subscribe("auswahl", "{\"alerts\":{\"mention\":true},\"policy\":\"all\"}");
        URI post = node.node().services().notes.publish(node.actor("musterstadt"), "<p>Radweg eröffnet</p>");
        deliver(remote.like(remote.actor("bernd"), post));
        awaitNotifications(3);
        awaitPushJobs();
        assertEquals(before, pushService.received().size(), "favourite is off");

        subscribe("auswahl", "{\"alerts\":{\"mention\":true},\"policy\":\"followed\"}");
        mention("<p>@musterstadt eine Frage</p>");
        awaitNotifications(4);
        awaitPushJobs();
        assertEquals(before, pushService.received().size(), "Musterstadt does not follow anna");

        subscribe("auswahl", "{\"alerts\":{\"mention\":true},\"policy\":\"none\"}");
        mention("<p>@musterstadt noch eine Frage</p>");
        awaitNotifications(5);
        awaitPushJobs();
        assertEquals(before, pushService.received().size(), "nobody");

        subscribe("auswahl", "{\"alerts\":{\"mention\":true},\"policy\":\"follower\"}");
        mention("<p>@musterstadt die letzte Frage</p>");
        JsonNode payload = pushService.payload(pushService.await(before + 1));
        assertEquals("mention", payload.path("notification_type").asText(), "anna follows Musterstadt");
        assertEquals("Du wurdest von Fake anna erwähnt", payload.path("title").asText());
        assertEquals("@musterstadt die letzte Frage", payload.path("body").asText());
    }

    @Test
    @Order(5)
    @DisplayName("an overloaded push service (503) gets the message again from the queue; one that answers 410 loses the subscription")
    void retriedAndGone() {
        int before = pushService.received().size();
        subscribe("wackelig", "{\"alerts\":{\"mention\":true}}");
        pushService.answer(503);
        mention("<p>@musterstadt beim zweiten Mal</p>");
        PushReceiver.Received refused = pushService.await(before + 1);
        pushService.answer(201);
        PushReceiver.Received taken = pushService.await(before + 2);
        assertEquals(pushService.payload(refused).path("notification_id"), pushService.payload(taken).path("notification_id"));
        awaitPushJobs();
        assertEquals(before + 2, pushService.received().size(), "sent once more, then done");

        pushService.answer(410);
        mention("<p>@musterstadt ins Leere</p>");
        pushService.await(before + 3);
        TestNode.await("the gone subscription is removed", () -> subscriptionsAt("wackelig") == 0);
        assertEquals(404, app.error(PATH));
    }

    @Test
    @Order(6)
    @DisplayName("revoking the token removes its subscription, and so does disabling its person")
    void revokingRemoves() {
        String token = mastodonApp.login("kaemmerin", "push");
        ClientApi.entity(MastodonApp.json(node, "POST", PATH, token, subscriptionJson("widerruf", "{}")), "WebPushSubscription");
        assertEquals(1, subscriptionsAt("widerruf"));
        HttpResponse<String> revoked = MastodonApp.form(node, "/oauth/revoke", Map.of("client_id", mastodonApp.clientId,
                "client_secret", mastodonApp.clientSecret, "token", token));
        assertEquals(200, revoked.statusCode(), revoked::body);
        assertEquals(0, subscriptionsAt("widerruf"));

        MastodonApp.person(node, "praktikant", "musterstadt", Role.EDITOR);
        String internsToken = mastodonApp.login("praktikant", "push");
        ClientApi.entity(MastodonApp.json(node, "POST", PATH, internsToken, subscriptionJson("praktikum", "{}")), "WebPushSubscription");
        assertEquals(1, subscriptionsAt("praktikum"));
        node.node().services().people.disable("praktikant");
        assertEquals(0, subscriptionsAt("praktikum"));
    }

    @Test
    @Order(7)
    @DisplayName("no token 401, a token without push 403, bad input 400/422 with Mastodon's Error, never 500")
    void refusals() {
        assertEquals(401, new ClientApi(node, null).error(PATH));
        ClientApi readOnly = new ClientApi(node, mastodonApp.login("kaemmerin", "read write"));
        assertEquals(403, readOnly.error("POST", PATH, subscriptionJson("ohne", "{}")));
        assertEquals(400, app.error("POST", PATH, "{\"data\":{\"policy\":\"all\"}}"));
        assertEquals(400, app.error("POST", PATH, "{\"subscription\":"));
        assertEquals(400, ClientApi.error(app.form("POST", PATH, "data[policy]=all")));
        String key = pushService.p256dh();
        String auth = pushService.auth();
        for (String[] bad : List.of(
                new String[] {"ftp://push.example/x", key, auth}, new String[] {"kein url", key, auth},
                new String[] {"", key, auth}, new String[] {"https://user@push.example/x", key, auth},
                new String[] {pushService.endpoint("x"), key.substring(0, 40), auth},
                new String[] {pushService.endpoint("x"), "BA" + "A".repeat(85), auth}, // 65 bytes, not on the curve
                new String[] {pushService.endpoint("x"), "!!!", auth},
                new String[] {pushService.endpoint("x"), key, auth + "AAAA"},
                new String[] {pushService.endpoint("x"), key, null})) {
            String json = "{\"subscription\":{\"endpoint\":\"" + bad[0] + "\",\"keys\":{\"p256dh\":\"" + bad[1] + "\""
                    + (bad[2] == null ? "" : ",\"auth\":\"" + bad[2] + "\"") + "}}}";
            assertEquals(422, app.error("POST", PATH, json), json);
        }
        assertEquals(422, app.error("POST", PATH, subscriptionJson("x", "{\"policy\":\"manchmal\"}")));
        subscribe("gut", "{}");
        assertEquals(422, app.error("PUT", PATH, "{\"data\":{\"policy\":\"manchmal\"}}"));
        assertEquals(200, app.send("PUT", PATH, "{\"data\":{\"alerts\":\"kein Objekt\"}}").statusCode(), "alerts not given: all off");
    }

    @Test
    @Order(8)
    @DisplayName("masto.js (npm) subscribes, reads, changes and removes a subscription with its own request shapes")
    void mastoJs() {
        JsonNode r = de.allmende.testkit.MastoJsClient.run("push.mjs", node.url(), app.token(), pushService.endpoint("mastojs"),
                pushService.p256dh(), pushService.auth());
        assertEquals(pushService.endpoint("mastojs"), r.at("/created/endpoint").asText(), r.toString());
        assertEquals(serverKey, r.at("/created/serverKey").asText());
        assertTrue(r.at("/created/alerts/mention").asBoolean() && r.at("/created/alerts/followRequest").asBoolean(), r.toString());
        assertFalse(r.at("/created/alerts/favourite").asBoolean(), r.toString());
        assertEquals("follower", r.at("/created/policy").asText(), "masto.js sends the policy beside data");
        assertEquals(r.get("created"), r.get("fetched"));
        assertTrue(r.at("/updated/alerts/favourite").asBoolean() && !r.at("/updated/alerts/mention").asBoolean(), r.toString());
        assertEquals(404, r.path("afterRemove").asInt(), r.toString());
    }

    private static long subscriptionsAt(String name) {
        return node.count("SELECT count(*) FROM push_subscription WHERE endpoint = '" + pushService.endpoint(name) + "'");
    }

    private static void subscribe(String name, String data) {
        ClientApi.entity(app.send("POST", PATH, subscriptionJson(name, data)), "WebPushSubscription");
    }

    private static String subscriptionJson(String name, String data) {
        return "{\"subscription\":{\"endpoint\":\"" + pushService.endpoint(name) + "\",\"keys\":{\"p256dh\":\"" + pushService.p256dh()
                + "\",\"auth\":\"" + pushService.auth() + "\"}},\"data\":" + data + "}";
    }

    private static String subscriptionForm(String name) {
        return "subscription[endpoint]=" + java.net.URLEncoder.encode(pushService.endpoint(name), java.nio.charset.StandardCharsets.UTF_8) + "&subscription[keys][p256dh]="
                + pushService.p256dh() + "&subscription[keys][auth]=" + pushService.auth();
    }

    /** A public note by anna mentioning musterstadt. */
    private static void mention(String html) {
        ObjectNode note = remote.note(anna, html);
        note.putArray("cc").add(node.actorIri("musterstadt").toString());
        note.putArray("tag").addObject().put("type", "Mention").put("href", node.actorIri("musterstadt").toString())
                .put("name", "@musterstadt@" + node.publicUrl().getRawAuthority());
        deliver(remote.create(anna, note));
    }

    /**
     * Delivers as a peer does, sending again after a refusal for a key the node could not fetch in time (the fetch has a
     * 5 s deadline, which a machine under heavy load can miss): what is tested here comes after the inbox.
     */
    private static void deliver(ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        for (int retry = 0; retry < 3 && answer.status() == 401; retry++) answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    private static List<JsonNode> awaitNotifications(int n) {
        List<JsonNode> seen = new java.util.ArrayList<>();
        TestNode.await(n + " notifications", () -> {
            seen.clear();
            app.list("/api/v1/notifications", "Notification").forEach(seen::add);
            return seen.size() == n;
        });
        return seen;
    }

    /** Every push job recorded so far has run (each notification is recorded before its push job exists). */
    private static void awaitPushJobs() {
        TestNode.await("the push consumer's jobs done",
                () -> node.count("SELECT count(*) FROM event_job WHERE consumer = 'push' AND done IS NULL AND failed IS NULL") == 0);
    }
}
