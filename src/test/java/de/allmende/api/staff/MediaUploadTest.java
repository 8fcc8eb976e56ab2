package de.allmende.api.staff;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.Scope;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.Multipart;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static de.allmende.testkit.StaffClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Uploading images and documents through the staff API")
class MediaUploadTest {
    private static final String PNG = "image/png";
    private static TestNode node;
    private static StaffClient staff;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        staff = StaffClient.issue(node, "musterstadt", Scope.WRITE_MEDIA);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anImageWithAltTextIsStoredAndServedPublicly() throws Exception {
        byte[] png = SampleFiles.png();
        HttpResponse<String> r = staff.upload(new Multipart()
                .file("file", "../../etc/Plan Nord.png", PNG, png)
                .field("description", "Lageplan des Spielplatzes an der Mühlenstraße"));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode m = json(r);
        assertEquals("image", m.get("type").asText());
        assertEquals(PNG, m.get("mediaType").asText());
        assertEquals("Plan Nord.png", m.get("fileName").asText());
        assertEquals("Lageplan des Spielplatzes an der Mühlenstraße", m.get("description").asText());
        assertEquals(png.length, m.get("size").asLong());
        assertEquals(StaffClient.BASE + "/media/" + m.get("id").asText(), r.headers().firstValue("Location").orElseThrow());
        assertEquals(node.url() + "/media/" + m.get("id").asText(), m.get("url").asText());
        assertArrayEquals(png, Files.readAllBytes(node.dataDir().resolve("media").resolve(m.get("id").asText())));
        assertEquals(r.body(), staff.get("/media/{id}", m.get("id").asText()).body());

        HttpResponse<byte[]> file = download(m.get("url").asText(), null);
        assertEquals(200, file.statusCode());
        assertArrayEquals(png, file.body());
        assertEquals(PNG, header(file, "Content-Type"));
        assertEquals("nosniff", header(file, "X-Content-Type-Options"));
        assertEquals("inline; filename=\"Plan Nord.png\"; filename*=UTF-8''Plan%20Nord.png", header(file, "Content-Disposition"));
        assertEquals("public, max-age=31536000, immutable", header(file, "Cache-Control"));
        assertEquals("\"" + m.get("sha256").asText() + "\"", header(file, "ETag"));
        assertEquals(304, download(m.get("url").asText(), header(file, "ETag")).statusCode());
    }

    @Test
    void documentsAreDownloadsWithTheirRealType() throws Exception {
        record Case(String name, String declared, byte[] bytes, String expected) {}
        for (Case c : new Case[]{
                new Case("Haushalt 2026.pdf", "application/pdf", SampleFiles.pdf(), "application/pdf"),
                new Case("Satzung.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", SampleFiles.docx(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                new Case("Protokoll.odt", null, SampleFiles.odt(), "application/vnd.oasis.opendocument.text"),
                new Case("Einwohner.csv", "application/vnd.ms-excel", SampleFiles.csv(), "text/csv"),
                new Case("Notiz.txt", "text/plain", SampleFiles.text(), "text/plain")}) {
            HttpResponse<String> r = staff.upload(new Multipart().file("file", c.name(), c.declared(), c.bytes()));
            assertEquals(201, r.statusCode(), c.name() + ": " + r.body());
            JsonNode m = json(r);
            assertEquals("document", m.get("type").asText());
            assertEquals(c.expected(), m.get("mediaType").asText(), c.name());
            HttpResponse<byte[]> file = download(m.get("url").asText(), null);
            assertEquals(c.expected(), header(file, "Content-Type"));
            assertTrue(header(file, "Content-Disposition").startsWith("attachment; "), c.name());
        }
    }

    @Test
    void impostorsAndUnlistedTypesGet415AndLeaveNothing() {
        expectRefused(415, "setup.png", PNG, SampleFiles.elf());
        expectRefused(415, "bild.png", PNG, SampleFiles.html());
        expectRefused(415, "seite.html", "text/html", SampleFiles.html());
        expectRefused(415, "wappen.svg", "image/svg+xml", SampleFiles.svg());
        expectRefused(415, "makros.docx", null, SampleFiles.docm());
        expectRefused(415, "archiv.zip", "application/zip", SampleFiles.zip());
        expectRefused(415, "foto.png", PNG, SampleFiles.jpeg()); // a real image, but not the one declared
        HttpResponse<String> r = expectRefused(415, "setup.png", PNG, SampleFiles.elf());
        assertTrue(json(r).at("/details/file/0").asText().startsWith("declared as image/png, but the content is "), r.body());
    }

    @Test
    void tooLargeFilesGet413AndLeaveNothing() {
        HttpResponse<String> image = expectRefused(413, "riesig.png", PNG, SampleFiles.pngOfSize(10 * 1024 * 1024 + 1));
        assertEquals("images may be at most 10 MB", json(image).at("/details/file/0").asText());
        // Beyond the largest allowed file the body is not even read: refused by its Content-Length.
        long rows = node.count("SELECT count(*) FROM media");
        HttpResponse<String> r = staff.uploadAnnounced(new Multipart().file("file", "riesig.pdf", "application/pdf", new byte[26 * 1024 * 1024]));
        assertEquals(413, r.statusCode(), r.body());
        assertEquals(rows, node.count("SELECT count(*) FROM media"));
        TestNode.await("no temporary upload", () -> count(node.dataDir().resolve("media/.incoming")) == 0);
    }

    @Test
    void incompleteRequestsGet422() {
        assertEquals(422, expectRefused(422, "leer.png", PNG, new byte[0]).statusCode());
        HttpResponse<String> longText = staff.upload(new Multipart().file("file", "a.png", PNG, SampleFiles.png())
                .field("description", "x".repeat(1501)));
        assertEquals(422, longText.statusCode());
        assertTrue(json(longText).has("details") && json(longText).get("details").has("description"));
        HttpResponse<String> noFile = staff.upload(new Multipart().field("description", "nur Text"));
        assertEquals(422, noFile.statusCode());
        assertTrue(json(noFile).get("details").has("file"));
    }

    @Test
    void deletingRemovesRowAndFile() throws Exception {
        JsonNode m = json(staff.upload(new Multipart().file("file", "alt.png", PNG, SampleFiles.png())));
        String id = m.get("id").asText();
        assertEquals(204, staff.delete("/media/{id}", id).statusCode());
        assertEquals(404, staff.get("/media/{id}", id).statusCode());
        assertEquals(404, download(m.get("url").asText(), null).statusCode());
        assertTrue(Files.notExists(node.dataDir().resolve("media").resolve(id)));
        assertEquals(404, staff.delete("/media/{id}", id).statusCode());
        assertEquals(404, staff.get("/media/{id}", "not-a-uuid").statusCode());
    }

    private HttpResponse<String> expectRefused(int status, String name, String declared, byte[] bytes) {
        long rows = node.count("SELECT count(*) FROM media");
        long files = storedFiles();
        HttpResponse<String> r = staff.upload(new Multipart().file("file", name, declared, bytes));
        assertEquals(status, r.statusCode(), name + ": " + r.body());
        assertEquals(rows, node.count("SELECT count(*) FROM media"), name + " left a row");
        assertEquals(files, storedFiles(), name + " left a file");
        TestNode.await(name + ": temporary upload removed", () -> count(node.dataDir().resolve("media/.incoming")) == 0);
        return r;
    }

    private static long storedFiles() {
        return count(node.dataDir().resolve("media"));
    }

    private static long count(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<byte[]> download(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (ifNoneMatch != null) b.header("If-None-Match", ifNoneMatch);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
    }
}
