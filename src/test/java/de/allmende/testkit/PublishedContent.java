package de.allmende.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * The object a node at {@link GoldenJson#HOST} publishes for the {@link ContentFixtures} input of each
 * kind, fetched over HTTP as a remote server fetches it. Each body is kept as served; the project is
 * fetched before the update moves its status, so every document is exactly its fixture's.
 */
public final class PublishedContent implements AutoCloseable {
    private final TestNode node;
    private final Map<ContentKind, String> bodies = new EnumMap<>(ContentKind.class);

    private PublishedContent(TestNode node) {
        this.node = node;
    }

    public static PublishedContent publishAll() {
        PublishedContent p = new PublishedContent(TestNode.startAs(GoldenJson.HOST));
        p.node.create(Fixtures.musterstadt());
        LocalActor musterstadt = p.node.actor("musterstadt");
        var content = p.node.node().services().content;
        URI project = p.fetch(content.create(musterstadt, ContentKind.PROJECT, ContentFixtures.offenerHaushalt()));
        p.fetch(content.create(musterstadt, ContentKind.EVENT, ContentFixtures.werkstatt(project)));
        p.fetch(content.create(musterstadt, ContentKind.LESSON, ContentFixtures.ratFruehEinbinden(project)));
        String pdf = Media.pdf(p.node, "musterstadt", "musterbeschluss.pdf").toString();
        p.fetch(content.create(musterstadt, ContentKind.AID, ContentFixtures.musterbeschluss(pdf)));
        p.fetch(content.create(musterstadt, ContentKind.UPDATE, ContentFixtures.haushaltUpdate(project)));
        return p;
    }

    private URI fetch(Content c) {
        var r = node.get(c.iri().getRawPath(), "application/activity+json");
        if (r.statusCode() != 200) throw new AssertionError(c.kind() + ": GET " + c.iri() + " answered " + r.statusCode());
        bodies.put(c.kind(), r.body());
        return c.iri();
    }

    /** The body as served. */
    public String body(ContentKind kind) {
        return bodies.get(kind);
    }

    public ObjectNode json(ContentKind kind) {
        try {
            return (ObjectNode) GoldenJson.JSON.readTree(bodies.get(kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestNode node() {
        return node;
    }

    @Override
    public void close() {
        node.close();
    }
}
