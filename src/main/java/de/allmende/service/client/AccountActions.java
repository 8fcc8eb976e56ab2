package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.Viewer;
import de.allmende.service.ActorService;
import de.allmende.service.BlockService;
import de.allmende.service.FollowRequestService;
import de.allmende.service.FollowService;
import de.allmende.service.port.LocalIris;
import de.allmende.store.AccountRelationStore;
import de.allmende.store.AccountRelationStore.FollowOptions;
import de.allmende.store.AccountRelationStore.Mute;
import de.allmende.store.FollowStore;
import de.allmende.support.ApiException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a municipality does to accounts from its app (docs.joinmastodon.org/methods/accounts, follow_requests,
 * domain_blocks): follow and unfollow through {@link FollowService}, answer follow requests through
 * {@link FollowRequestService}, block and hide domains through {@link BlockService}; mutes and notes stay here.
 * Each answers the relationship as it now stands.
 */
public final class AccountActions {
    private static final String NOT_FOUND = "Record not found";

    /** The follow options an app sent; absent ones keep what the follow had (or Mastodon's defaults). */
    public record FollowChoice(Optional<Boolean> reblogs, Optional<Boolean> notifyOnPost, Optional<List<String>> languages) {}

    private final Database db;
    private final LocalIris iris;
    private final AccountReads accounts;
    private final FollowService follows;
    private final FollowRequestService requests;
    private final BlockService blocks;
    private final AccountRelationStore relations = new AccountRelationStore();
    private final FollowStore followRows = new FollowStore();
    private final String localHost;
    private final ActorService municipalities;

    public AccountActions(Database db, LocalIris iris, AccountReads accounts, FollowService follows, FollowRequestService requests,
                          BlockService blocks, ActorService municipalities, String localHost) {
        this.db = db;
        this.iris = iris;
        this.accounts = accounts;
        this.follows = follows;
        this.requests = requests;
        this.blocks = blocks;
        this.localHost = localHost;
        this.municipalities = municipalities;
    }

    /**
     * Follows an account (a remote one: pending until it accepts; one of this node as it approves followers), or
     * changes the options of a follow that exists. 403 for an account the viewer blocks or (a new follow) whose domain
     * it hides.
     */
    public Relationship follow(LocalActor a, long id, FollowChoice choice) {
        Viewer v = accounts.viewer(a);
        AccountFacts target = accounts.account(id);
        Optional<FollowOptions> before = relations.followOptions(db.dsl(), v.accountId(), id);
        // A hidden domain keeps the follows there, but no new ones are made (Mastodon's rule).
        boolean hiddenDomain = before.isEmpty() && target.host().map(h -> relations.blocksDomainOf(db.dsl(), v.accountId(), h)).orElse(false);
        if (relations.blocks(db.dsl(), v.accountId(), id) || hiddenDomain) throw ApiException.forbidden("This action is not allowed");
        if (before.isEmpty() && target.isLocal()) {
            follows.follow(a, municipalities.findMunicipality(target.username()).orElseThrow(() -> ApiException.notFound(NOT_FOUND)));
        } else if (before.isEmpty()) {
            follows.follow(a, target.uri().orElseThrow());
        }
        FollowOptions was = before.orElse(new FollowOptions(true, false, Optional.empty()));
        FollowOptions now = new FollowOptions(choice.reblogs().orElse(was.showReblogs()), choice.notifyOnPost().orElse(was.notifyOnPost()),
                choice.languages().isPresent() ? choice.languages().filter(l -> !l.isEmpty()) : was.languages());
        db.dsl().transaction(cfg -> relations.setFollowOptions(cfg.dsl(), v.accountId(), id, now));
        return accounts.relationship(v, id);
    }

    /** Stops following, or withdraws the request; nothing to stop: nothing changes. */
    public Relationship unfollow(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        AccountFacts target = accounts.account(id);
        if (followRows.find(db.dsl(), v.accountId(), id).isPresent()) follows.unfollow(a, iriOf(target));
        return accounts.relationship(v, id);
    }

    public Relationship block(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        blocks.block(a, iriOf(accounts.account(id)));
        return accounts.relationship(v, id);
    }

    public Relationship unblock(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        blocks.unblock(a, iriOf(accounts.account(id)));
        return accounts.relationship(v, id);
    }

    /** Mutes (on this node only, nothing is sent): for good, or for {@code duration}; notifications too unless told not to. */
    public Relationship mute(LocalActor a, long id, boolean notifications, Optional<Duration> duration) {
        Viewer v = accounts.viewer(a);
        accounts.account(id);
        if (id == v.accountId()) throw ApiException.unprocessable("You cannot mute yourself");
        Mute mute = new Mute(notifications, duration.filter(d -> !d.isZero()).map(d -> Instant.now().plus(d)));
        db.dsl().transaction(cfg -> relations.mute(cfg.dsl(), v.accountId(), id, mute));
        return accounts.relationship(v, id);
    }

    public Relationship unmute(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        accounts.account(id);
        db.dsl().transaction(cfg -> relations.unmute(cfg.dsl(), v.accountId(), id));
        return accounts.relationship(v, id);
    }

    /** Sets the viewer's private note on an account (empty removes it). */
    public Relationship note(LocalActor a, long id, String comment) {
        Viewer v = accounts.viewer(a);
        accounts.account(id);
        if (comment.length() > 2000) throw ApiException.unprocessable("Validation failed: Comment is too long (maximum is 2000 characters)");
        db.dsl().transaction(cfg -> relations.note(cfg.dsl(), v.accountId(), id, comment.strip()));
        return accounts.relationship(v, id);
    }

    /** Accepts a follow request (404 without one). */
    public Relationship authorize(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        requests.approve(a, pendingFollower(v, id));
        return accounts.relationship(v, id);
    }

    public Relationship reject(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        requests.reject(a, pendingFollower(v, id));
        return accounts.relationship(v, id);
    }

    /** Hides a domain from the municipality, and loses its followers there (422 for no domain, or this node's own). */
    public void blockDomain(LocalActor a, String domain) {
        blocks.blockDomain(a, domain(domain));
    }

    public void unblockDomain(LocalActor a, String domain) {
        blocks.unblockDomain(a, domain(domain));
    }

    private URI pendingFollower(Viewer v, long id) {
        return followRows.find(db.dsl(), id, v.accountId()).filter(f -> f.state() == FollowStore.State.PENDING)
                .map(f -> f.follower().iri()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    private URI iriOf(AccountFacts account) {
        return account.uri().orElseGet(() -> iris.actor(account.username()));
    }

    /** A host as Mastodon takes it: lower case, no scheme, path or trailing dot. */
    private String domain(String typed) {
        String d = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        d = d.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        while (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        if (d.isEmpty() || !d.matches("[a-z0-9.:\\[\\]-]+")) throw ApiException.unprocessable("Validation failed: Domain is not a domain");
        if (d.equals(localHost.toLowerCase(Locale.ROOT))) throw ApiException.unprocessable("Validation failed: Domain cannot be this server");
        return d;
    }
}
