package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.Multipart;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code PATCH /api/v1/accounts/update_credentials}: Musterstadt's admin edits its profile from an app (multipart with
 * avatar and header, as Mastodon's apps send it; form-encoded and JSON too). What changed shows in verify_credentials,
 * in the actor's ActivityPub document and in the Update(actor) its follower receives; editors may not (403); an
 * upload that is no image is Mastodon's 422, and nothing changes.
 */
@DisplayName("update_credentials: the admin edits the municipality's profile; apps, the actor document and followers see it")
class UpdateCredentialsTest {
    private static TestNode node;
    private static FakeRemote fanServer;
    private static FakeRemote.Actor fan;
    /** Musterstadt's admin (the mayor's office) and an editor. */
    private static ClientApi admin;
    private static ClientApi editor;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        MastodonApp.person(node, "buergermeisterin", "musterstadt", Role.ADMIN);
        MastodonApp.person(node, "redakteur", "musterstadt", Role.EDITOR);
        MastodonApp app = MastodonApp.register(node, "https://app.example/callback", "read write");
        admin = new ClientApi(node, app.login("buergermeisterin", "read write"));
        editor = new ClientApi(node, app.login("redakteur", "read write"));
        fanServer = FakeRemote.start();
        fan = fanServer.actor("fan");
        URI musterstadt = node.actorIri("musterstadt");
        assertEquals(202, fanServer.post(URI.create(musterstadt + "/inbox"), fanServer.follow(fan, musterstadt)).send().status());
        TestNode.await("the fan follows", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
    }

    @AfterAll
    static void stop() {
        if (fanServer != null) fanServer.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("multipart as apps send it: name, note, avatar, header, locked, fields, source; seen by apps, the document and the follower")
    void adminEditsTheProfile() {
        Multipart form = new Multipart()
                .field("display_name", "Stadt Musterstadt")
                .field("note", "Die Stadt an der Muster.\n\nRathaus: Marktplatz 1")
                .file("avatar", "wappen.png", "image/png", SampleFiles.photo(400, 400, "png"))
                .file("header", "panorama.jpg", "image/jpeg", SampleFiles.jpegWithMetadata(1))
                .field("locked", "true")
                .field("fields_attributes[0][name]", "Bürgerbüro")
                .field("fields_attributes[0][value]", "https://www.musterstadt.example/buergerbuero")
                .field("fields_attributes[1][name]", "Sprechzeiten")
                .field("fields_attributes[1][value]", "Mo–Fr 8–12 Uhr")
                .field("fields_attributes[2][name]", "")
                .field("fields_attributes[2][value]", "")
                .field("source[privacy]", "unlisted")
                .field("source[language]", "en")
                .field("source[sensitive]", "true");
        long auditedBefore = audited();
        JsonNode answer = ClientApi.entity(patch(admin, form), "CredentialAccount");

        JsonNode seen = admin.entity("/api/v1/accounts/verify_credentials", "CredentialAccount");
        for (JsonNode me : List.of(answer, seen)) {
            assertEquals("Stadt Musterstadt", me.path("display_name").asText());
            assertEquals("<p>Die Stadt an der Muster.</p><p>Rathaus: Marktplatz 1</p>", me.path("note").asText());
            assertEquals("Die Stadt an der Muster.\n\nRathaus: Marktplatz 1", me.at("/source/note").asText());
            assertTrue(me.path("locked").asBoolean());
            assertEquals(List.of("Bürgerbüro", "Sprechzeiten"), names(me.path("fields")), "the blank pair is dropped: " + me);
            assertTrue(me.at("/fields/0/value").asText().startsWith("<a href=\"https://www.musterstadt.example/buergerbuero\""), me.toString());
            assertEquals("Mo–Fr 8–12 Uhr", me.at("/fields/1/value").asText());
            assertEquals("https://www.musterstadt.example/buergerbuero", me.at("/source/fields/0/value").asText(), "source shows the raw value");
            assertEquals("unlisted", me.at("/source/privacy").asText());
            assertEquals("en", me.at("/source/language").asText());
            assertTrue(me.at("/source/sensitive").asBoolean());
            assertTrue(me.path("avatar").asText().startsWith(node.url() + "/media/"), me.toString());
            assertTrue(me.path("header").asText().startsWith(node.url() + "/media/"), me.toString());
        }
        assertEquals(200, TestNode.send(HttpRequest.newBuilder(URI.create(seen.path("avatar").asText())).build()).statusCode(), "the avatar is served");
        assertEquals(seen.path("display_name"), admin.entity("/api/v1/accounts/" + seen.path("id").asText(), "Account").path("display_name"));

        JsonNode doc = fanServer.get(node.actorIri("musterstadt"), "application/activity+json", fan).json();
        assertActorShows(doc, seen);

        // Another test's earlier Update may arrive after this one (deliveries run side by side): this change's is the one
        // whose actor has the new summary.
        TestNode.await("the follower receives Update(actor) with the new profile", () -> updates().stream()
                .anyMatch(u -> u.at("/object/summary").asText().equals(seen.path("note").asText())));
        assertActorShows(updates().stream().filter(u -> u.at("/object/summary").asText().equals(seen.path("note").asText()))
                .reduce((first, second) -> second).orElseThrow().path("object"), seen);
        assertEquals(auditedBefore + 1, audited(), "the audit trail names the admin for the change");
    }

    @Test
    @DisplayName("form-encoded and JSON bodies change what they name and leave the rest")
    void formAndJson() {
        JsonNode before = admin.entity("/api/v1/accounts/verify_credentials", "CredentialAccount");
        JsonNode form = ClientApi.entity(admin.sendForm("PATCH", "/api/v1/accounts/update_credentials", "bot=true&discoverable=false"),
                "CredentialAccount");
        assertTrue(form.path("bot").asBoolean());
        assertFalse(form.path("discoverable").asBoolean());
        assertEquals(before.path("display_name"), form.path("display_name"), "what is not sent stays");
        JsonNode json = admin.entity("PATCH", "/api/v1/accounts/update_credentials",
                "{\"bot\": false, \"discoverable\": true, \"fields_attributes\": [{\"name\": \"Telefon\", \"value\": \"+49 9999 0\"}]}",
                "CredentialAccount");
        assertFalse(json.path("bot").asBoolean());
        assertTrue(json.path("discoverable").asBoolean());
        assertEquals(List.of("Telefon"), names(json.path("fields")));
        assertEquals(before.path("avatar"), json.path("avatar"), "the avatar stays");
    }

    @Test
    @DisplayName("the presets in source decide what a new status leaves out: visibility, sensitive, language")
    void presetsApplyToNewStatuses() {
        admin.entity("PATCH", "/api/v1/accounts/update_credentials",
                "{\"source\": {\"privacy\": \"private\", \"sensitive\": true, \"language\": \"en\"}}", "CredentialAccount");
        JsonNode preset = ClientApi.entity(editor.send("POST", "/api/v1/statuses", "{\"status\": \"Nur für Follower\"}"), "Status");
        assertEquals("private", preset.path("visibility").asText());
        assertTrue(preset.path("sensitive").asBoolean());
        assertEquals("en", preset.path("language").asText());
        JsonNode chosen = ClientApi.entity(editor.send("POST", "/api/v1/statuses",
                "{\"status\": \"Für alle\", \"visibility\": \"public\", \"sensitive\": false, \"language\": \"de\"}"), "Status");
        assertEquals("public", chosen.path("visibility").asText(), "what the app sends wins");
        assertFalse(chosen.path("sensitive").asBoolean());
        assertEquals("de", chosen.path("language").asText());
        admin.entity("PATCH", "/api/v1/accounts/update_credentials",
                "{\"source\": {\"privacy\": \"public\", \"sensitive\": false, \"language\": \"\"}}", "CredentialAccount");
        assertEquals("public", ClientApi.entity(editor.send("POST", "/api/v1/statuses", "{\"status\": \"Wieder öffentlich\"}"), "Status")
                .path("visibility").asText());
    }

    @Test
    @DisplayName("an editor may post but not change the profile: 403, and nothing changes")
    void editorIsRefused() {
        JsonNode before = admin.entity("/api/v1/accounts/verify_credentials", "CredentialAccount");
        HttpResponse<String> r = editor.send("PATCH", "/api/v1/accounts/update_credentials", "{\"display_name\": \"Gekapert\"}");
        assertEquals(403, ClientApi.error(r), r.body());
        HttpResponse<String> withImage = patch(editor, new Multipart().file("avatar", "a.png", "image/png", SampleFiles.png()));
        assertEquals(403, ClientApi.error(withImage), withImage.body());
        assertEquals(before.path("display_name"), admin.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("display_name"));
        assertEquals(0, node.count("SELECT count(*) FROM media WHERE file_name = 'a.png'"), "an editor's upload is not kept");
    }

    @Test
    @DisplayName("an avatar that is no image, a header that cannot be read, or fields that are no pairs: 4xx; the profile stays")
    void badImagesAre422() {
        JsonNode before = admin.entity("/api/v1/accounts/verify_credentials", "CredentialAccount");
        HttpResponse<String> pdf = patch(admin, new Multipart().field("display_name", "Nicht so").file("avatar", "plan.pdf", "application/pdf", SampleFiles.pdf()));
        assertEquals(422, ClientApi.error(pdf), pdf.body());
        assertTrue(ClientApi.json(pdf).path("error").asText().startsWith("Validation failed: "), pdf.body());
        HttpResponse<String> html = patch(admin, new Multipart().file("header", "kopf.png", "image/png", SampleFiles.html()));
        assertEquals(422, ClientApi.error(html), html.body());
        HttpResponse<String> tooMany = admin.send("PATCH", "/api/v1/accounts/update_credentials", "{\"fields_attributes\": ["
                + "{\"name\":\"a\",\"value\":\"1\"},{\"name\":\"b\",\"value\":\"2\"},{\"name\":\"c\",\"value\":\"3\"},"
                + "{\"name\":\"d\",\"value\":\"4\"},{\"name\":\"e\",\"value\":\"5\"}]}");
        assertEquals(422, ClientApi.error(tooMany), tooMany.body());
        HttpResponse<String> notPairs = admin.send("PATCH", "/api/v1/accounts/update_credentials", "{\"fields_attributes\": \"Telefon\"}");
        assertEquals(422, ClientApi.error(notPairs), notPairs.body());
        HttpResponse<String> notJson = admin.send("PATCH", "/api/v1/accounts/update_credentials", "[1, 2]");
        assertEquals(400, ClientApi.error(notJson), notJson.body());
        HttpResponse<String> privacy = admin.sendForm("PATCH", "/api/v1/accounts/update_credentials", "source%5Bprivacy%5D=everyone");
        assertEquals(422, ClientApi.error(privacy), privacy.body());
        JsonNode after = admin.entity("/api/v1/accounts/verify_credentials", "CredentialAccount");
        assertEquals(before.path("display_name"), after.path("display_name"));
        assertEquals(before.path("avatar"), after.path("avatar"));
        assertEquals(before.path("fields"), after.path("fields"));
        assertEquals(0, node.count("SELECT count(*) FROM media WHERE file_name IN ('plan.pdf', 'kopf.png')"), "refused uploads leave nothing");
    }

    /** The actor document shows the profile the app sees: name, summary, icon, image, fields, locked. */
    private static void assertActorShows(JsonNode actor, JsonNode account) {
        assertEquals(account.path("display_name").asText(), actor.path("name").asText(), actor.toString());
        assertEquals(account.path("note").asText(), actor.path("summary").asText());
        assertEquals(account.path("avatar").asText(), actor.at("/icon/url").asText());
        assertEquals(account.path("header").asText(), actor.at("/image/url").asText());
        assertEquals(account.path("locked").asBoolean(), actor.path("manuallyApprovesFollowers").asBoolean());
        List<String> attached = new ArrayList<>();
        for (JsonNode a : actor.path("attachment")) {
            assertEquals("PropertyValue", a.path("type").asText());
            attached.add(a.path("name").asText());
        }
        assertTrue(attached.containsAll(names(account.path("fields"))), attached + " shows " + account.path("fields"));
        assertEquals(account.at("/fields/0/value").asText(), actor.at("/attachment/0/value").asText());
    }

    /** The latest Update of Musterstadt's actor that reached the fan's server. */
    /** Every Update(actor) of Musterstadt the fan received, in order of arrival. */
    private static List<JsonNode> updates() {
        List<JsonNode> found = new ArrayList<>();
        for (FakeRemote.Received r : fanServer.received()) {
            if (!r.method().equals("POST")) continue;
            JsonNode a;
            try {
                a = de.allmende.api.Responses.JSON.readTree(r.body());
            } catch (java.io.IOException e) {
                throw new AssertionError("a delivery that is not JSON", e);
            }
            if ("Update".equals(a.path("type").asText()) && node.actorIri("musterstadt").toString().equals(a.at("/object/id").asText())) found.add(a);
        }
        return found;
    }

    private static long audited() {
        return node.count("SELECT count(*) FROM audit_entry a JOIN person p ON p.id = a.person_id"
                + " WHERE p.username = 'buergermeisterin' AND a.action = 'update' AND a.target_kind = 'profile' AND a.target_id = 'musterstadt'");
    }

    private static List<String> names(JsonNode fields) {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.path("name").asText()));
        return out;
    }

    private static HttpResponse<String> patch(ClientApi client, Multipart form) {
        return TestNode.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/accounts/update_credentials"))
                .header("Authorization", "Bearer " + client.token()).header("Content-Type", form.contentType())
                .method("PATCH", form.publisher()).build());
    }
}
