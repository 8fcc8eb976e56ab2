package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.db.Database;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.AnnounceActivity;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.ObjectRef;
import de.allmende.store.ReactionStore.Kind;

import java.net.URI;
import java.util.Optional;

/** Announce (a boost): at most one per actor and object; the boosted object is kept for those here who follow the booster. */
public final class AnnounceHandler implements ActivityHandler<AnnounceActivity> {
    private final Reactions reactions;
    private final AnnouncedObjects announced;

    public AnnounceHandler(Database db, AnnouncedObjects announced) {
        this.reactions = new Reactions(db);
        this.announced = announced;
    }

    @Override
    public void handle(AnnounceActivity announce) {
        ObjectRef boosted = announce.announced();
        Optional<JsonNode> context = announce.activity().context();
        if (Reactions.isRelayedActivity(boosted)) {
            // An embedded activity: a group relaying its members' activities (FEP-1b12, Lemmy). Not a boost
            // of that activity. An Announce(Create) is recorded as the group's boost of the created object
            // (as Mastodon shows it); the relayed copy is kept only as any boosted object is (see
            // AnnouncedObjects). Other relays (Like, Update, Delete, Undo …) are ignored.
            AsObject relayed = boosted.embedded().orElseThrow();
            if (!relayed.isA("Create")) return;
            if (relayed.context().isPresent()) context = relayed.context();
            boosted = relayed.object();
        }
        URI object = Reactions.target(boosted);
        announced.keep(object, boosted.embedded(), context, announce.actor());
        reactions.record(Kind.ANNOUNCE, announce.activity(), object);
    }
}
