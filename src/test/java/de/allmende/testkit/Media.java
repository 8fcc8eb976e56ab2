package de.allmende.testkit;

import java.util.UUID;

/** Media rows for content tests, written straight to the database (uploads have their own tests). */
public final class Media {
    private Media() {}

    /** Registers a PDF of the actor and returns its id (no file on disk: only the row matters to content). */
    public static UUID pdf(TestNode node, String handle, String fileName) {
        UUID id = UUID.randomUUID();
        long actorId = node.actor(handle).id();
        node.node().services().db.dsl().execute(
                "INSERT INTO media (id, actor_id, file_name, media_type, size, sha256) VALUES (?::uuid, ?, ?, 'application/pdf', 1234, ?)",
                id.toString(), actorId, fileName, "0".repeat(64));
        return id;
    }

    /** Registers a PNG with its description (the alt text pages show) and returns its id. */
    public static UUID image(TestNode node, String handle, String fileName, String description) {
        UUID id = UUID.randomUUID();
        long actorId = node.actor(handle).id();
        node.node().services().db.dsl().execute(
                "INSERT INTO media (id, actor_id, file_name, media_type, size, sha256, description) VALUES (?::uuid, ?, ?, 'image/png', 4321, ?, ?)",
                id.toString(), actorId, fileName, "1".repeat(64), description);
        return id;
    }
}
