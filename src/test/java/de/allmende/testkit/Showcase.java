package de.allmende.testkit;

import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;

import java.util.List;

/**
 * One item of each kind, published by one municipality from the named {@link ContentFixtures}: the
 * project, an event and a lesson on it, a working aid with its file, and an update that moves the
 * project to "verstetigt".
 */
public record Showcase(Content project, Content event, Content lesson, Content aid, Content update) {

    public static Showcase publish(TestNode node, LocalActor a) {
        return publish(node, a, () -> {});
    }

    /** @param between runs between two items, e.g. {@link #nextSecond} so that publication order is known */
    public static Showcase publish(TestNode node, LocalActor a, Runnable between) {
        var content = node.node().services().content;
        Content project = content.create(a, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
        between.run();
        Content event = content.create(a, ContentKind.EVENT, ContentFixtures.werkstatt(project.iri()));
        between.run();
        Content lesson = content.create(a, ContentKind.LESSON, ContentFixtures.ratFruehEinbinden(project.iri()));
        between.run();
        String pdf = Media.pdf(node, a.handle(), "musterbeschluss.pdf").toString();
        Content aid = content.create(a, ContentKind.AID, ContentFixtures.musterbeschluss(pdf));
        between.run();
        Content update = content.create(a, ContentKind.UPDATE, ContentFixtures.haushaltUpdate(project.iri()));
        return new Showcase(project, event, lesson, aid, update);
    }

    /** In publication order. */
    public List<Content> all() {
        return List.of(project, event, lesson, aid, update);
    }

    /** Publication times have whole seconds: waits until the next one begins. */
    public static void nextSecond() {
        try {
            Thread.sleep(1001 - System.currentTimeMillis() % 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
