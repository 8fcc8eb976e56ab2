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
                     + " VALUES (?, ?, 'Person', ?, ?, '{}')")) {
            StringBuilder follows = new StringBuilder();
            for (URI iri : actors) {
                String path = iri.getRawPath();
                actor.setString(1, iri.toString());
                actor.setString(2, iri.getRawAuthority());
                actor.setString(3, path.substring(path.lastIndexOf('/') + 1));
                actor.setString(4, iri + "/inbox");
                actor.addBatch();
                follows.append(follows.isEmpty() ? "" : ",").append(row(iri.toString(), followee.toString(), iri + "#follows/1"));
            }
            actor.executeBatch();
            if (!actors.isEmpty()) c.createStatement().execute(acceptedFollows(follows.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert fake followers", e);
        }
    }

    /** One row for {@link #acceptedFollows}: a remote follower's IRI, a local followee's IRI and the Follow's id. */
    public static String row(String follower, String followee, String activity) {
        return "('" + follower + "','" + followee + "','" + activity + "')";
    }

    /**
     * An INSERT of accepted follows of local actors by stored remote actors, from {@link #row}s: the accounts are
     * found by the remote actor's IRI and the local actor's handle (the last segment of its IRI).
     */
    public static String acceptedFollows(String rows) {
        return "INSERT INTO follow (follower, followee, follower_id, followee_id, activity_iri, state)"
                + " SELECT v.follower, v.followee, r.id, l.id, v.activity, 'accepted' FROM (VALUES " + rows
                + ") AS v (follower, followee, activity) JOIN account r ON r.iri = v.follower"
                + " JOIN actor ON v.followee ~ ('/actors/' || actor.handle || '$') JOIN account l ON l.local_actor_id = actor.id";
    }
}
