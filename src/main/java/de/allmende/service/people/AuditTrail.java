package de.allmende.service.people;

import de.allmende.db.Database;
import de.allmende.domain.AccessGrant;
import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import de.allmende.domain.client.Poster;
import de.allmende.domain.people.AuditEntry;
import de.allmende.store.ActorStore;
import de.allmende.store.people.AuditStore;

import org.jooq.DSLContext;

import java.util.List;

/**
 * Who created, edited or deleted a municipality's content: the person when one logged in (an app's OAuth
 * token), else the CLI-issued token. The municipality reads it; it is never federated.
 */
public final class AuditTrail {
    public enum Action { CREATE, UPDATE, DELETE }

    private final Database db;
    private final AuditStore entries = new AuditStore();
    private final ActorStore actors = new ActorStore();

    public AuditTrail(Database db) {
        this.db = db;
    }

    /** Records a change made with {@code grant} to {@code targetKind}/{@code targetId}. */
    public void record(AccessGrant grant, Action action, String targetKind, String targetId) {
        entries.insert(db.dsl(), grant.actor().id(), grant.personId(), grant.credential(),
                action.name().toLowerCase(java.util.Locale.ROOT), targetKind, targetId);
    }

    /** Inside the caller's transaction: records a change a person made from an app, so it stands or falls with the change. */
    public void record(DSLContext tx, Poster who, Action action, String targetKind, String targetId) {
        entries.insert(tx, who.municipality().id(), java.util.Optional.of(who.personId()), who.credential(),
                action.name().toLowerCase(java.util.Locale.ROOT), targetKind, targetId);
    }

    /** A municipality's most recent entries, newest first. */
    public List<AuditEntry> list(String handle, int limit) {
        var actor = actors.findMunicipality(db.dsl(), handle).orElseThrow(() ->
                new ValidationException(List.of(new FieldError("handle", "no municipality '" + handle + "' on this node"))));
        return entries.list(db.dsl(), actor.id(), limit);
    }
}
