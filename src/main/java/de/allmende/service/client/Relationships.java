package de.allmende.service.client;

import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.Viewer;
import de.allmende.store.AccountFactsStore;
import de.allmende.store.AccountRelationStore;
import de.allmende.store.FollowStore;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@link Relationship}s: what the viewer's follows, blocks, mutes, notes and hidden domains say about accounts. */
final class Relationships {
    private final AccountFactsStore accounts = new AccountFactsStore();
    private final FollowStore follows = new FollowStore();
    private final AccountRelationStore relations = new AccountRelationStore();

    /** Relationships with these accounts, in the order asked; ids of no account are left out, as Mastodon does. */
    List<Relationship> of(DSLContext tx, Viewer v, Collection<Long> ids) {
        Map<Long, AccountFacts> known = accounts.byIds(tx, ids);
        List<Relationship> out = new ArrayList<>();
        for (long id : ids.stream().distinct().toList()) {
            AccountFacts other = known.get(id);
            if (other != null) out.add(of(tx, v, other));
        }
        return out;
    }

    Relationship of(DSLContext tx, Viewer v, AccountFacts other) {
        long me = v.accountId();
        long id = other.id();
        Optional<FollowStore.State> in = follows.find(tx, id, me).map(FollowStore.Follow::state);
        Relationship.Muting muting = relations.mute(tx, me, id).map(m -> new Relationship.Muting(true, m.notifications()))
                .orElse(Relationship.Muting.NONE);
        boolean domainBlocking = other.host().map(h -> relations.blocksDomainOf(tx, me, h)).orElse(false);
        return new Relationship(id, following(tx, me, id), in.filter(FollowStore.State.ACCEPTED::equals).isPresent(),
                in.filter(FollowStore.State.PENDING::equals).isPresent(), relations.blocks(tx, me, id), false, muting,
                domainBlocking, relations.note(tx, me, id));
    }

    private Relationship.Following following(DSLContext tx, long me, long id) {
        Optional<FollowStore.State> state = follows.find(tx, me, id).map(FollowStore.Follow::state);
        if (state.isEmpty()) return Relationship.Following.NONE;
        AccountRelationStore.FollowOptions o = relations.followOptions(tx, me, id).orElseThrow();
        boolean accepted = state.get() == FollowStore.State.ACCEPTED;
        return new Relationship.Following(accepted, !accepted, o.showReblogs(), o.notifyOnPost(), o.languages());
    }
}
