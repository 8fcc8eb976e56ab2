package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.service.port.Publisher;

/** Tells a local actor's followers that its profile or its keys changed, so they fetch it again. */
public final class ProfileService {
    private final Database db;
    private final Publisher publisher;

    public ProfileService(Database db, Publisher publisher) {
        this.db = db;
        this.publisher = publisher;
    }

    public void publishUpdate(LocalActor a) {
        db.dsl().transaction(cfg -> publishUpdate(cfg.dsl(), a));
    }

    /** Inside the caller's transaction: the Update goes out only if the change it tells of is kept. */
    public void publishUpdate(org.jooq.DSLContext tx, LocalActor a) {
        publisher.actorUpdated(tx, a);
    }
}
