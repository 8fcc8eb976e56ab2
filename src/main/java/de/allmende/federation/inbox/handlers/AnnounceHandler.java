package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.post.AsToAudience;
import de.allmende.federation.vocab.AnnounceActivity;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.federation.vocab.ObjectRef;
import de.allmende.service.BoostService;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Announce (a boost): at most one per actor and object, and a boost post where the object is a post here (see
 * {@link BoostService}); the boosted object is kept for those here who follow the booster.
 */
public final class AnnounceHandler implements ActivityHandler<AnnounceActivity> {
    private final ActorResolver resolver;
    private final AnnouncedObjects announced;
    private final BoostService boosts;

    public AnnounceHandler(ActorResolver resolver, AnnouncedObjects announced, BoostService boosts) {
        this.resolver = resolver;
        this.announced = announced;
        this.boosts = boosts;
    }

    @Override
    public void handle(AnnounceActivity announce) throws IOException {
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
        InboundActivity activity = announce.activity();
        var booster = resolver.known(announce.actor());
        boosts.received(new BoostService.Received(activity.id(), booster, object, AsToAudience.of(activity.raw()),
                activity.published().orElseGet(Instant::now)), ReceivedActivities.of(activity, object));
    }
}
