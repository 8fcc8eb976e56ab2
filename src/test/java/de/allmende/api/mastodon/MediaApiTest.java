package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.MastodonEntities;
import de.allmende.testkit.Multipart;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.TestNode;
import de.allmende.support.ApiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Media as Mastodon apps upload and describe it (issue 10): {@code POST /api/v2/media} answers a MediaAttachment with
 * a preview and a BlurHash for images, documents are "unknown" attachments, {@code PUT /api/v1/media/:id} sets alt
 * text and focal point, another municipality's uploads are 404, unusable files a 422 that says why. A post showing
 * uploads renders them with their real meta and federates them as Mastodon attaches files.
 */
@DisplayName("Client API media: upload with preview and BlurHash, describe, attach to a post")
class MediaApiTest {
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static ClientApi app;
    private static ClientApi otherMunicipality;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        MastodonApp.person(node, "pressestelle", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "bodo", "beispieldorf", Role.EDITOR);
        MastodonApp registered = MastodonApp.register(node, "https://app.example/callback", "read write");
        app = new ClientApi(node, registered.login("pressestelle", "read write"));
        otherMunicipality = new ClientApi(node, registered.login("bodo", "read write:media"));
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        assertEquals(202, remote.post(URI.create(node.url() + "/inbox"), remote.follow(anna, node.actorIri("musterstadt"))).send().status());
        TestNode.await("anna follows Musterstadt", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("a JPEG photo: 200, a 640 px preview that loads, the original's size, a BlurHash, alt text and focus as sent")
    void jpegWithPreviewAndBlurhash() throws IOException {
        HttpResponse<String> r = upload(app, new Multipart().file("file", "marktplatz.jpg", "image/jpeg", SampleFiles.photo(1600, 1200, "jpg"))
                .field("description", "Der Marktplatz am Morgen").field("focus", "-0.5,0.25"));
        JsonNode m = attachment(r);
        assertEquals("image", m.path("type").asText());
        assertEquals("Der Marktplatz am Morgen", m.path("description").asText());
        assertEquals(1600, m.at("/meta/original/width").asInt());
        assertEquals(1200, m.at("/meta/original/height").asInt());
        assertEquals("1600x1200", m.at("/meta/original/size").asText());
        assertEquals(640, m.at("/meta/small/width").asInt());
        assertEquals(480, m.at("/meta/small/height").asInt());
        assertEquals(-0.5, m.at("/meta/focus/x").asDouble());
        assertEquals(0.25, m.at("/meta/focus/y").asDouble());
        assertTrue(m.path("blurhash").asText().matches("[0-9A-Za-z#$%*+,\\-.:;=?@\\[\\]^_{|}~]{20,40}"), m.toString());
        assertTrue(m.path("remote_url").isNull(), "a file of this node");
        HttpResponse<byte[]> preview = bytes(m.path("preview_url").asText());
        assertEquals(200, preview.statusCode());
        assertEquals("image/jpeg", preview.headers().firstValue("Content-Type").orElse(""));
        var small = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertEquals(640, small.getWidth());
        assertEquals(200, bytes(m.path("url").asText()).statusCode());
        assertEquals(m, app.entity("/api/v1/media/" + m.path("id").asText(), "MediaAttachment"), "read back as uploaded");
    }

    @Test
    @DisplayName("a phone photo is published without its GPS position, camera and comment, the right way up")
    void metadataStripped() {
        JsonNode m = attachment(upload(app, new Multipart().file("file", "handy.jpg", "image/jpeg", SampleFiles.jpegWithMetadata(6))));
        String served = new String(bytes(m.path("url").asText()).body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String secret : List.of("GPSCAM", "GPSLatitude", "Frau Weber")) assertFalse(served.contains(secret), secret);
        assertTrue(served.contains("Exif"), "the orientation stays");
        assertEquals(40, m.at("/meta/original/width").asInt());
    }

    @Test
    @DisplayName("a small PNG: not enlarged, a BlurHash all the same; v1 upload answers alike")
    void smallPng() {
        JsonNode m = attachment(upload(app, "/api/v1/media", new Multipart().file("file", "wappen.png", "image/png", SampleFiles.png())));
        assertEquals(4, m.at("/meta/small/width").asInt());
        assertFalse(m.path("blurhash").isNull());
        assertTrue(m.path("description").isNull());
        assertEquals(0.0, m.at("/meta/focus/x").asDouble());
    }

    @Test
    @DisplayName("a PDF is an 'unknown' attachment without preview or BlurHash")
    void documentIsUnknown() {
        JsonNode m = attachment(upload(app, new Multipart().file("file", "haushalt.pdf", "application/pdf", SampleFiles.pdf())
                .field("description", "Haushaltsplan 2027")));
        assertEquals("unknown", m.path("type").asText());
        assertTrue(m.path("blurhash").isNull());
        assertEquals(m.path("url"), m.path("preview_url"));
        assertEquals("Haushaltsplan 2027", m.path("description").asText());
    }

    @Test
    @DisplayName("PUT sets alt text and focus; what is not sent stays; a bad focus is 422")
    void describe() {
        String id = attachment(upload(app, new Multipart().file("file", "rathaus.png", "image/png", SampleFiles.photo(300, 200, "png")))).path("id").asText();
        JsonNode described = ok(put(app, "/api/v1/media/" + id, "{\"description\":\"Das Rathaus\",\"focus\":\"0.1,-0.9\"}"));
        assertEquals("Das Rathaus", described.path("description").asText());
        assertEquals(-0.9, described.at("/meta/focus/y").asDouble(), 1e-6);
        JsonNode refocused = ok(put(app, "/api/v1/media/" + id, "{\"focus\":\"1,1\"}"));
        assertEquals("Das Rathaus", refocused.path("description").asText(), "the description stays");
        assertEquals(1.0, refocused.at("/meta/focus/x").asDouble());
        HttpResponse<String> bad = put(app, "/api/v1/media/" + id, "{\"focus\":\"2,0\"}");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(error(bad).contains("-1.0 to 1.0"), bad.body());
    }

    @Test
    @DisplayName("another municipality's upload is 404 to read and to change, as one that does not exist")
    void otherMunicipalityGets404() {
        String id = attachment(upload(app, new Multipart().file("file", "intern.png", "image/png", SampleFiles.png()))).path("id").asText();
        assertEquals(404, otherMunicipality.error("/api/v1/media/" + id));
        HttpResponse<String> put = put(otherMunicipality, "/api/v1/media/" + id, "{\"description\":\"übernommen\"}");
        assertEquals(404, put.statusCode());
        assertEquals("Record not found", error(put));
        assertEquals(error(put), error(put(otherMunicipality, "/api/v1/media/00000000-0000-4000-8000-000000000000", "{}")));
        assertTrue(app.entity("/api/v1/media/" + id, "MediaAttachment").path("description").isNull(), "unchanged");
    }

    @Test
    @DisplayName("too large, not accepted, not an image, no file: 422 saying what is wrong")
    void refusals() {
        HttpResponse<String> large = upload(app, new Multipart().file("file", "riesig.png", "image/png", SampleFiles.pngOfSize(10 * 1024 * 1024 + 1)));
        assertEquals(422, large.statusCode(), large.body());
        assertTrue(error(large).contains("at most 10 MB"), large.body());
        HttpResponse<String> program = upload(app, new Multipart().file("file", "tool.exe", null, SampleFiles.elf()));
        assertEquals(422, program.statusCode());
        assertTrue(error(program).contains("is not accepted"), program.body());
        HttpResponse<String> html = upload(app, new Multipart().file("file", "seite.png", "image/png", SampleFiles.html()));
        assertEquals(422, html.statusCode());
        assertTrue(error(html).contains("declared as image/png"), html.body());
        byte[] broken = SampleFiles.photo(200, 200, "png");
        java.util.Arrays.fill(broken, 40, broken.length, (byte) 7); // a PNG header, then noise
        HttpResponse<String> damaged = upload(app, new Multipart().file("file", "kaputt.png", "image/png", broken));
        assertEquals(422, damaged.statusCode(), damaged.body());
        assertTrue(error(damaged).contains("cannot be read"), damaged.body());
        HttpResponse<String> flood = upload(app, new Multipart().file("file", "flut.png", "image/png", SampleFiles.pngClaiming(50_000, 50_000)));
        assertEquals(422, flood.statusCode(), flood.body());
        assertTrue(error(flood).contains("at most 16777216 pixels"), flood.body());
        HttpResponse<String> none = upload(app, new Multipart().field("description", "ohne Datei"));
        assertEquals(422, none.statusCode());
        assertTrue(error(none).contains("'file'"), none.body());
        assertEquals(0, node.count("SELECT count(*) FROM media WHERE file_name IN ('riesig.png', 'tool.exe', 'seite.png', 'kaputt.png', 'flut.png')"));
    }

    @Test
    @DisplayName("a post with uploads shows them with meta and BlurHash, federates them as Mastodon does, and takes each only once")
    void attachedToPost() throws IOException {
        JsonNode photo = attachment(upload(app, new Multipart().file("file", "fest.jpg", "image/jpeg", SampleFiles.photo(800, 600, "jpg"))
                .field("description", "Stadtfest").field("focus", "0.5,0.5")));
        JsonNode plan = attachment(upload(app, new Multipart().file("file", "plan.pdf", "application/pdf", SampleFiles.pdf())));
        var notes = node.node().services().notes;
        var musterstadt = node.actor("musterstadt");
        URI post = notes.publish(musterstadt, "<p>Bilder vom Stadtfest</p>", List.of(photo.path("id").asText(), plan.path("id").asText()));

        long id = node.count("SELECT id FROM post WHERE iri = '" + post + "'");
        JsonNode status = app.entity("/api/v1/statuses/" + id, "Status");
        JsonNode shown = status.path("media_attachments");
        assertEquals(2, shown.size());
        assertEquals(photo, shown.get(0), "the upload as the app saw it: id, meta, BlurHash, description");
        assertEquals(plan.path("id"), shown.get(1).path("id"));

        TestNode.await("the Create reaches anna", () -> createOf(post) != null);
        JsonNode note = createOf(post).path("object");
        JsonNode image = note.path("attachment").get(0);
        assertEquals("Image", image.path("type").asText());
        assertEquals("image/jpeg", image.path("mediaType").asText());
        assertEquals(photo.path("url").asText(), image.path("url").asText());
        assertEquals("Stadtfest", image.path("name").asText());
        assertEquals(photo.path("blurhash").asText(), image.path("blurhash").asText());
        assertEquals(List.of(0.5, 0.5), List.of(image.at("/focalPoint/0").asDouble(), image.at("/focalPoint/1").asDouble()));
        assertEquals(800, image.path("width").asInt());
        assertEquals("Document", note.path("attachment").get(1).path("type").asText());
        assertTrue(note.path("@context").toString().contains("toot:blurhash"), "Mastodon's terms are named");

        var postMedia = new de.allmende.service.media.PostMedia(new de.allmende.store.MediaStore(node.node().services().iris::media));
        var reattached = node.node().services().db.dsl().transactionResult(cfg ->
                postMedia.attach(cfg.dsl(), musterstadt, List.of(plan.path("id").asText(), photo.path("id").asText()), post));
        assertEquals(List.of(plan.path("url").asText(), photo.path("url").asText()), reattached.stream().map(a -> a.url().toString()).toList(),
                "an edit of the same post may name its files again, in a new order");
        ApiException again = assertThrows(ApiException.class, () -> notes.publish(musterstadt, "<p>Nochmal</p>", List.of(photo.path("id").asText())));
        assertEquals(422, again.status(), "a file shows in one post only");
        HttpResponse<String> edit = put(app, "/api/v1/media/" + photo.path("id").asText(), "{\"description\":\"anders\"}");
        assertEquals(422, edit.statusCode(), "attached files are edited with their post");
        String fresh = attachment(upload(app, new Multipart().file("file", "a.png", "image/png", SampleFiles.png()))).path("id").asText();
        List<String> five = List.of(fresh, fresh + "x", "1", "2", "3");
        assertEquals(422, assertThrows(ApiException.class, () -> notes.publish(musterstadt, "<p>Fünf</p>", five)).status());
        String foreign = attachment(upload(otherMunicipality, new Multipart().file("file", "b.png", "image/png", SampleFiles.png()))).path("id").asText();
        ApiException notOwn = assertThrows(ApiException.class, () -> notes.publish(musterstadt, "<p>Fremd</p>", List.of(fresh, foreign)));
        assertEquals(422, notOwn.status());
        assertTrue(notOwn.getMessage().contains(foreign) && !notOwn.getMessage().contains(fresh), notOwn.getMessage());
        assertTrue(app.entity("/api/v1/media/" + fresh, "MediaAttachment").path("id").isTextual(), "a refused post took nothing");
        assertEquals(0, node.count("SELECT count(*) FROM media WHERE attached_to IS NOT NULL AND id = '" + fresh + "'"));
    }

    @Test
    @DisplayName("an app posts a status with an upload and no text: the Status shows it, anna's server gets it, an edit may resend it")
    void statusFromAppWithUpload() {
        JsonNode photo = attachment(upload(app, new Multipart().file("file", "brunnen.png", "image/png", SampleFiles.photo(400, 300, "png"))
                .field("description", "Der neue Brunnen")));
        String id = photo.path("id").asText();
        JsonNode status = ClientApi.entity(app.send("POST", "/api/v1/statuses", "{\"status\":\"\",\"media_ids\":[\"" + id + "\"]}"), "Status");
        assertEquals(id, status.at("/media_attachments/0/id").asText());
        assertEquals(photo.path("blurhash").asText(), status.at("/media_attachments/0/blurhash").asText());
        URI post = URI.create(status.path("uri").asText());
        TestNode.await("anna's server has the Create", () -> createOf(post) != null);
        JsonNode sent = createOf(post).at("/object/attachment/0");
        assertEquals("Der neue Brunnen", sent.path("name").asText());
        assertEquals(photo.path("blurhash").asText(), sent.path("blurhash").asText());
        String path = "/api/v1/statuses/" + status.path("id").asText();
        ClientApi.entity(app.send("PUT", path, "{\"status\":\"Mit Text\",\"media_ids\":[\"" + id + "\"]}"), "Status");
        assertEquals(422, ClientApi.error(app.send("PUT", path, "{\"status\":\"Ohne Bild\",\"media_ids\":[\"" + UUID_NONE + "\"]}")));
        assertEquals(422, ClientApi.error(app.send("POST", "/api/v1/statuses", "{\"status\":\"\"}")), "no text and no file");
    }

    private static final String UUID_NONE = "00000000-0000-0000-0000-000000000000";

    private static JsonNode createOf(URI post) {
        return remote.received().stream().map(r -> read(r.body())) // to the shared inbox, as anna's server names one
                .filter(a -> "Create".equals(a.path("type").asText()) && post.toString().equals(a.at("/object/id").asText()))
                .findFirst().orElse(null);
    }

    private static JsonNode read(byte[] body) {
        try {
            return GoldenJson.JSON.readTree(body);
        } catch (IOException e) {
            return GoldenJson.JSON.createObjectNode();
        }
    }

    static HttpResponse<String> upload(ClientApi client, Multipart form) {
        return upload(client, "/api/v2/media", form);
    }

    static HttpResponse<String> upload(ClientApi client, String path, Multipart form) {
        return TestNode.send(HttpRequest.newBuilder(URI.create(node.url() + path)).header("Authorization", "Bearer " + client.token())
                .header("Content-Type", form.contentType()).POST(form.publisher()).build());
    }

    private static HttpResponse<String> put(ClientApi client, String path, String json) {
        return MastodonApp.json(node, "PUT", path, client.token(), json);
    }

    private static HttpResponse<byte[]> bytes(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A 200 answer that is a MediaAttachment. */
    private static JsonNode attachment(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        JsonNode m = ClientApi.json(r);
        MastodonEntities.assertShape("MediaAttachment", m);
        return m;
    }

    private static JsonNode ok(HttpResponse<String> r) {
        return attachment(r);
    }

    private static String error(HttpResponse<String> r) {
        JsonNode body = ClientApi.json(r);
        MastodonEntities.assertShape("Error", body);
        return body.path("error").asText();
    }
}
