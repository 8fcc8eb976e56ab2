package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.AccountRef;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.event.Blocked;
import de.allmende.domain.event.FollowEvent.Unfollowed;
import de.allmende.domain.event.Unblocked;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.AccountRelationStore;
import de.allmende.store.ActivityStore;
import de.allmende.store.EventStore;
import de.allmende.store.FollowStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A municipality blocks accounts and hides domains for itself (Mastodon's user-level blocks; the node-wide ones
 * are {@link ModerationService}'s). A block ends follows both ways — ours undone, theirs rejected — and a remote
 * blocked actor gets the Block (Mastodon then hides us from it). A hidden domain loses the municipality's followers
 * there (rejected) but keeps whom it follows there, and sends no Block: Mastodon's domain blocks do the same.
 */
public final class BlockService {
    private final Database db;
    private final LocalIris iris;
    private final ActorDirectory directory;
    private final Publisher publisher;
    private final Accounts accounts;
    private final AccountRelationStore relations = new AccountRelationStore();
    private final FollowStore follows = new FollowStore();
    private final ActivityStore activities = new ActivityStore();
    private final EventStore events = new EventStore();

    public BlockService(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.directory = directory;
        this.publisher = publisher;
        this.accounts = new Accounts(iris);
    }

    /** Blocks an account of this node or a remote one; blocking again changes nothing. */
    public void block(LocalActor a, URI target) {
        Optional<RemoteActor> remote = remote(target);
        URI id = iris.newActivity();
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AccountRef me = accounts.of(tx, a);
            AccountRef other = account(tx, target, remote);
            if (me.id() == other.id()) throw ApiException.unprocessable("You cannot block yourself");
            if (!relations.block(tx, me.id(), other.id(), id.toString())) return;
            sever(tx, a, me, other, remote);
            events.record(tx, new Blocked(me.iri(), other.iri(), Blocked.Scope.ACTOR));
            remote.ifPresent(r -> publisher.block(tx, a, id, r));
        });
    }

    /** Lifts a block (none: nothing changes); a remote actor gets the Undo. */
    public void unblock(LocalActor a, URI target) {
        Optional<RemoteActor> remote = remote(target);
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AccountRef me = accounts.of(tx, a);
            AccountRef other = account(tx, target, remote);
            Optional<String> block = relations.unblock(tx, me.id(), other.id());
            if (block.isEmpty()) return;
            events.record(tx, new Unblocked(me.iri(), other.iri(), Blocked.Scope.ACTOR));
            remote.ifPresent(r -> publisher.undoBlock(tx, a, URI.create(block.get()), r));
        });
    }

    /** Hides a domain (a host and the hosts below it) from the municipality; its followers there are rejected. */
    public void blockDomain(LocalActor a, String domain) {
        List<RemoteActor> followers = new ArrayList<>();
        long me = db.dsl().transactionResult(cfg -> accounts.of(cfg.dsl(), a).id());
        for (URI iri : relations.followersOn(db.dsl(), me, domain)) followers.add(directory.actor(iri));
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AccountRef mine = accounts.of(tx, a);
            relations.blockDomain(tx, mine.id(), domain);
            for (RemoteActor r : followers) endTheirFollow(tx, a, mine, accounts.of(tx, r), Optional.of(r));
            events.record(tx, new Blocked(mine.iri(), URI.create("https://" + domain), Blocked.Scope.DOMAIN));
        });
    }

    public void unblockDomain(LocalActor a, String domain) {
        db.dsl().transaction(cfg -> {
            AccountRef mine = accounts.of(cfg.dsl(), a);
            relations.unblockDomain(cfg.dsl(), mine.id(), domain);
            events.record(cfg.dsl(), new Unblocked(mine.iri(), URI.create("https://" + domain), Blocked.Scope.DOMAIN));
        });
    }

    /** Ends follows both ways (and requests): ours undone, theirs rejected, where the other side is remote. */
    private void sever(DSLContext tx, LocalActor a, AccountRef me, AccountRef other, Optional<RemoteActor> remote) {
        follows.find(tx, me.id(), other.id()).ifPresent(f -> {
            follows.delete(tx, me.id(), other.id());
            events.record(tx, new Unfollowed(me.iri(), other.iri()));
            remote.ifPresent(r -> publisher.undoFollow(tx, a, URI.create(f.activityIri()), r));
        });
        endTheirFollow(tx, a, me, other, remote);
    }

    /** Ends the other's follow (or request) of us: rejected, where it is remote. */
    private void endTheirFollow(DSLContext tx, LocalActor a, AccountRef me, AccountRef other, Optional<RemoteActor> remote) {
        follows.find(tx, other.id(), me.id()).ifPresent(f -> {
            follows.delete(tx, other.id(), me.id());
            events.record(tx, new Unfollowed(other.iri(), me.iri()));
            // A Reject embeds the Follow as received; one this node never kept cannot be answered.
            if (activities.find(tx, f.activityIri()).isPresent()) remote.ifPresent(r -> publisher.rejectFollow(tx, a, URI.create(f.activityIri()), r));
        });
    }

    private Optional<RemoteActor> remote(URI target) {
        return iris.isLocal(target) ? Optional.empty() : Optional.of(directory.actor(target));
    }

    private AccountRef account(DSLContext tx, URI target, Optional<RemoteActor> remote) {
        if (remote.isPresent()) return accounts.of(tx, remote.get());
        return accounts.find(tx, target).orElseThrow(() -> ApiException.notFound("Record not found"));
    }
}
