package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.AccountRef;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.Poster;
import de.allmende.domain.post.Origin;
import de.allmende.domain.report.NewReport;
import de.allmende.domain.report.Report;
import de.allmende.domain.report.ReportCategory;
import de.allmende.service.people.AuditTrail;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.AccountFactsStore;
import de.allmende.store.AccountStore;
import de.allmende.store.ActorStore;
import de.allmende.store.PostStore;
import de.allmende.store.RemoteActorStore;
import de.allmende.store.ReportStore;
import de.allmende.store.TimelineStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports, as Mastodon files them: a municipality reports an account and some of its posts from its app (kept here
 * for moderation, with the person in the audit trail), and with {@code forward} a remote account's server hears of it
 * as a Flag sent by the node's instance actor, so the municipality stays anonymous. Flags from other servers about
 * this node's municipalities and their posts are kept the same way.
 */
public final class ReportService {
    /** Mastodon's limit for a report's comment. */
    public static final int MAX_COMMENT = 1000;
    /** Posts one report may name: each is looked up, and a report about more would be read by no one. */
    public static final int MAX_STATUSES = 100;
    /** What a received Flag's comment is kept of (a peer's limit may be larger; the body is capped anyway). */
    private static final int MAX_RECEIVED_COMMENT = 10_000;
    private static final String NOT_FOUND = "Record not found";
    private static final String AUDITED = "report";

    private final Database db;
    private final LocalIris iris;
    private final Publisher publisher;
    private final AuditTrail audit;
    private final ReportStore reports = new ReportStore();
    private final AccountFactsStore accountFacts = new AccountFactsStore();
    private final AccountStore accounts = new AccountStore();
    private final PostStore posts = new PostStore();
    private final TimelineStore timelines = new TimelineStore();
    private final ActorStore actors = new ActorStore();
    private final RemoteActorStore remoteActors = new RemoteActorStore();
    private final ReceivedActivities received = new ReceivedActivities();

    public ReportService(Database db, LocalIris iris, Publisher publisher, AuditTrail audit) {
        this.db = db;
        this.iris = iris;
        this.publisher = publisher;
        this.audit = audit;
    }

    /** A filed report and the account it is about, as an app shows it. */
    public record Filed(Report report, AccountFacts target) {}

    /**
     * Files a report: 404 for an account or post that is not there (or a post the municipality may not see, or not
     * the account's), 422 for a comment beyond {@link #MAX_COMMENT}, more than {@link #MAX_STATUSES} posts or rules this
     * node does not have (it has none).
     */
    public Filed file(Poster who, NewReport r) {
        if (r.comment().length() > MAX_COMMENT) {
            throw ApiException.unprocessable("Validation failed: Comment is too long (maximum is " + MAX_COMMENT + " characters)");
        }
        if (!r.ruleIds().isEmpty()) throw ApiException.unprocessable("Validation failed: Rule ids are not rules of this server");
        List<Long> statusIds = r.statusIds().stream().distinct().toList();
        if (statusIds.size() > MAX_STATUSES) {
            throw ApiException.unprocessable("Validation failed: a report names at most " + MAX_STATUSES + " statuses");
        }
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            AccountFacts target = accountFacts.byId(tx, r.targetAccountId()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
            List<URI> statuses = new ArrayList<>();
            for (long id : statusIds) statuses.add(reportedPost(tx, who, target, id));
            boolean forward = r.forward() && !target.isLocal();
            Optional<URI> flag = forward ? Optional.of(iris.newActivity()) : Optional.empty();
            Report report = reports.insert(tx, new ReportStore.New(flag, false, who.viewer().accountId(), target.id(),
                    statusIds, r.comment(), r.category(), r.ruleIds(), forward)).orElseThrow();
            audit.record(tx, who, AuditTrail.Action.CREATE, AUDITED, Long.toString(report.id()));
            if (forward) publisher.flag(tx, instanceActor(tx), flag.get(), remoteActor(tx, target), statuses, r.comment());
            return new Filed(report, target);
        });
    }

    /** The IRI of a post of the target that the reporting municipality may see; 404 otherwise. */
    private URI reportedPost(DSLContext tx, Poster who, AccountFacts target, long id) {
        if (!timelines.isVisible(tx, who.viewer(), id)) throw ApiException.notFound(NOT_FOUND);
        return posts.find(tx, id).filter(p -> p.authorId() == target.id()).map(p -> p.post().iri())
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    private LocalActor instanceActor(DSLContext tx) {
        return actors.findInstance(tx).orElseThrow(() -> new IllegalStateException("the node has no instance actor"));
    }

    private RemoteActor remoteActor(DSLContext tx, AccountFacts target) {
        return remoteActors.find(tx, target.uri().orElseThrow()).map(RemoteActorStore.CachedActor::actor)
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** A Flag from another server, as read: who sent it, what it names (accounts and posts, any server's), its comment. */
    public record ReceivedFlag(URI id, URI reporter, List<URI> objects, String comment) {}

    /**
     * Keeps a received Flag: one report per municipality of this node it names, directly or as the author of a post of
     * ours it names, with those posts. Names of anything else (other servers' accounts and posts, posts we lack) are
     * passed over; a Flag that names nothing of ours keeps nothing, and a redelivered one nothing more.
     *
     * @return how many reports it filed
     */
    public int received(ReceivedFlag flag, ReceivedActivity record) {
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<AccountRef> reporter = accounts.remote(tx, flag.reporter());
            Map<Long, List<Long>> postsByTarget = ours(tx, flag.objects());
            if (reporter.isEmpty() || postsByTarget.isEmpty() || !received.keep(tx, record)) return 0;
            String comment = flag.comment().length() > MAX_RECEIVED_COMMENT ? flag.comment().substring(0, MAX_RECEIVED_COMMENT) : flag.comment();
            int filed = 0;
            for (var target : postsByTarget.entrySet()) {
                filed += reports.insert(tx, new ReportStore.New(Optional.of(flag.id()), true, reporter.get().id(), target.getKey(),
                        target.getValue(), comment, ReportCategory.OTHER, List.of(), false)).isPresent() ? 1 : 0;
            }
            return filed;
        });
    }

    /** The municipalities of this node the IRIs name, each with the posts of its own named (in the order named). */
    private Map<Long, List<Long>> ours(DSLContext tx, List<URI> objects) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        for (URI iri : objects) {
            if (!iris.isLocal(iri)) continue;
            Optional<Long> account = iris.parseActor(iri).flatMap(handle -> accounts.localByHandle(tx, handle, iri)).map(AccountRef::id);
            if (account.isPresent()) {
                out.computeIfAbsent(account.get(), a -> new ArrayList<>());
                continue;
            }
            posts.find(tx, iri).filter(p -> p.post().origin() instanceof Origin.Local && p.post().reblogOf().isEmpty())
                    .ifPresent(p -> {
                        List<Long> of = out.computeIfAbsent(p.authorId(), a -> new ArrayList<>());
                        if (!of.contains(p.id())) of.add(p.id());
                    });
        }
        return out;
    }

    /** A report as moderators read it: who reported whom, and the posts by their IRIs. */
    public record Listed(Report report, String reporter, String target, List<URI> statuses) {}

    /** The newest reports first, all or those about one municipality (404-free: an unknown handle lists none). */
    public List<Listed> newest(Optional<String> municipality, int limit) {
        DSLContext tx = db.dsl();
        Optional<Long> target = Optional.empty();
        if (municipality.isPresent()) {
            target = accounts.localByHandle(tx, municipality.get(), iris.actor(municipality.get())).map(AccountRef::id);
            if (target.isEmpty()) return List.of();
        }
        List<Report> found = reports.newest(tx, target, limit);
        Map<Long, AccountFacts> named = accountFacts.byIds(tx, found.stream().flatMap(r -> java.util.stream.Stream.of(r.accountId(),
                r.targetAccountId())).distinct().toList());
        return found.stream().map(r -> new Listed(r, acct(named, r.accountId()), acct(named, r.targetAccountId()),
                r.statusIds().stream().flatMap(id -> posts.find(tx, id).map(p -> p.post().iri()).stream()).toList())).toList();
    }

    private static String acct(Map<Long, AccountFacts> named, long id) {
        return Optional.ofNullable(named.get(id)).map(AccountFacts::acct).orElse("account " + id);
    }
}
