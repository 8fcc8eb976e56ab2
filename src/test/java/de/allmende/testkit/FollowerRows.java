package de.allmende.testkit;

import de.allmende.config.DatabaseSettings;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Accepted remote followers written straight into a node's database, each with its own inbox ({@code <actor>/inbox}). */
public final class FollowerRows {
    private FollowerRows() {}

    public static void insert(DatabaseSettings db, URI followee, List<URI> actors) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement actor = c.prepareStatement("INSERT INTO remote_actor (iri, host, type, preferred_username, inbox, raw)"
                     + " VALUES (?, ?, 'Person', ?, ?, '{}')");
             PreparedStatement follow = c.prepareStatement("INSERT INTO follow (follower, followee, activity_iri, state)"
                     + " VALUES (?, ?, ?, 'accepted')")) {
            for (URI iri : actors) {
                String path = iri.getRawPath();
                actor.setString(1, iri.toString());
                actor.setString(2, iri.getRawAuthority());
                actor.setString(3, path.substring(path.lastIndexOf('/') + 1));
                actor.setString(4, iri + "/inbox");
                actor.addBatch();
                follow.setString(1, iri.toString());
                follow.setString(2, followee.toString());
                follow.setString(3, iri + "#follows/1");
                follow.addBatch();
            }
            actor.executeBatch();
            follow.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert fake followers", e);
        }
    }
}
