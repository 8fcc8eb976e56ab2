package de.allmende.api.web;

import de.allmende.content.Content;
import de.allmende.domain.LocalActor;
import de.allmende.testkit.Browser;
import de.allmende.testkit.Browser.Page;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.Showcase;
import de.allmende.testkit.TestNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every HTML page of the node carries a Content-Security-Policy without script, nosniff, no framing and
 * a referrer policy — and its markup needs nothing the policy forbids (no script, no inline style
 * attributes or handlers, and each {@code <style>} admitted by its hash), so a browser reports no
 * violation. Every other response carries nosniff.
 */
@DisplayName("security headers on every HTML page, nosniff on every response")
class SecurityHeadersTest {
    static TestNode node;
    static LocalActor musterstadt;
    static Showcase shown;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        musterstadt = node.create(Fixtures.musterstadt());
        shown = Showcase.publish(node, musterstadt);
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    /** Every kind of HTML page: profile (both paths), instance actor, each kind of content, a deleted object (410). */
    private static List<Page> allPages() {
        List<Page> pages = new ArrayList<>();
        pages.add(Browser.open(node, "/@musterstadt"));
        pages.add(Browser.open(node, "/actors/musterstadt"));
        pages.add(Browser.open(node, "/actor"));
        for (Content c : shown.all()) pages.add(Browser.open(node, c.iri()));
        Content gone = node.node().services().content.create(musterstadt, de.allmende.content.ContentKind.AID,
                de.allmende.testkit.ContentFixtures.musterbeschluss(de.allmende.testkit.Media.pdf(node, "musterstadt", "weg.pdf").toString()));
        node.node().services().content.delete(musterstadt, de.allmende.content.ContentKind.AID, gone.id().orElseThrow());
        pages.add(Browser.open(node, gone.iri()));
        return pages;
    }

    @Test
    @DisplayName("profile, instance actor, project, event, lesson, aid, update and a deleted object: CSP, nosniff, DENY, referrer policy")
    void everyPageCarriesTheHeaders() {
        List<Page> pages = allPages();
        assertEquals(410, pages.getLast().status(), "the deleted object's page");
        for (Page p : pages) {
            String where = p.response().uri().getRawPath();
            assertTrue(p.response().headers().firstValue("Content-Type").orElse("").startsWith("text/html"), where);
            String csp = header(p.response(), "Content-Security-Policy");
            for (String directive : List.of("default-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'")) {
                assertTrue(csp.contains(directive), () -> where + ": " + directive + " missing in " + csp);
            }
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("script-src"), () -> where + ": " + csp);
            assertEquals("nosniff", header(p.response(), "X-Content-Type-Options"), where);
            assertEquals("DENY", header(p.response(), "X-Frame-Options"), where);
            assertEquals("strict-origin-when-cross-origin", header(p.response(), "Referrer-Policy"), where);
        }
    }

    @Test
    @DisplayName("the markup needs nothing the policy forbids: no script, no style or on* attributes, each <style> admitted by hash")
    void markupKeepsToThePolicy() throws Exception {
        for (Page p : allPages()) {
            String where = p.response().uri().getRawPath();
            String csp = header(p.response(), "Content-Security-Policy");
            assertTrue(p.doc().select("script, iframe, object, embed, form, base").isEmpty(), where);
            assertTrue(p.doc().select("[style]").isEmpty(), () -> where + ": inline style attributes are blocked");
            for (Element e : p.doc().getAllElements()) {
                e.attributes().forEach(a -> assertFalse(a.getKey().startsWith("on"), () -> where + ": handler " + a));
            }
            List<Element> styles = p.doc().select("style");
            assertEquals(1, styles.size(), where);
            for (Element style : styles) {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(style.data().getBytes(StandardCharsets.UTF_8));
                String source = "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
                assertTrue(csp.contains("style-src " + source), () -> where + ": the page's <style> is not admitted by " + csp);
            }
            for (Element img : p.doc().select("img[src]")) {
                String src = img.attr("src");
                assertTrue(src.startsWith(node.url() + "/") || src.startsWith("https:"), () -> where + ": img-src blocks " + src);
            }
        }
    }

    @Test
    @DisplayName("JSON documents, errors, feeds and files carry nosniff (and no HTML policy they do not need)")
    void everyResponseIsNosniff() {
        for (String path : List.of("/actors/musterstadt", "/.well-known/nodeinfo", "/actors/musterstadt/feed.atom",
                "/actors/musterstadt/icon.png", "/objects/does-not-exist", "/no/such/route", "/actors/%00")) {
            HttpResponse<String> r = node.get(path, "application/activity+json");
            assertEquals("nosniff", header(r, "X-Content-Type-Options"), path + " → " + r.statusCode());
        }
        HttpResponse<String> json = node.get("/actors/musterstadt", "application/activity+json");
        assertTrue(json.headers().firstValue("Content-Security-Policy").isEmpty(), "JSON needs no page policy");
    }

    private static String header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }
}
