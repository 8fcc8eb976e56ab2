package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.FieldError;
import de.allmende.domain.LocalActor;
import de.allmende.domain.MunicipalityInput;
import de.allmende.domain.MunicipalityProfile;
import de.allmende.domain.ValidationException;
import de.allmende.domain.coordinator.TopicGroup;
import de.allmende.store.ActorStore;
import de.allmende.store.TopicGroupStore;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

/** Use cases around local actors: municipalities, coordinators and their topic groups, the instance and relay actors. */
public final class ActorService {
    private final Database db;
    private final ActorStore actors;
    private final KeyService keys;
    private final String nodeName;
    private final TopicGroups groups;
    private final TopicGroupStore groupStore = new TopicGroupStore();

    public ActorService(Database db, ActorStore actors, KeyService keys, String nodeName) {
        this.db = db;
        this.actors = actors;
        this.keys = keys;
        this.nodeName = nodeName;
        this.groups = new TopicGroups(actors, keys);
    }

    /** Validates, stores the municipality and generates its keys in one transaction. */
    public LocalActor createMunicipality(MunicipalityInput input) {
        return create(input.validate(), actors::insertMunicipality);
    }

    /**
     * A coordinator (issue 11): a followable actor with keys like a municipality; of the input only handle, name,
     * summary and Land apply (the Land it coordinates; none for the Bund). Its topic groups, one per field of action,
     * are made with it.
     */
    public LocalActor createCoordinator(MunicipalityInput input) {
        return create(input.validate(), (tx, profile) -> {
            LocalActor coordinator = actors.insertCoordinator(tx, profile);
            groups.ensure(tx, coordinator);
            return coordinator;
        });
    }

    /**
     * Makes the topic groups a coordinator lacks (one made before groups existed, or before a field of action was
     * added) and returns all of its groups; changes nothing where all are there.
     */
    public List<TopicGroup> ensureTopicGroups(LocalActor coordinator) {
        return db.dsl().transactionResult(cfg -> groups.ensure(cfg.dsl(), coordinator));
    }

    /** {@link #ensureTopicGroups} for every coordinator of this node (at the start of {@code serve}). */
    public void ensureAllTopicGroups() {
        listCoordinators().forEach(this::ensureTopicGroups);
    }

    /** The topic group that is this actor, if it is one. */
    public Optional<TopicGroup> topicGroup(LocalActor actor) {
        return actor.isGroup() ? groupStore.ofActor(db.dsl(), actor.id()) : Optional.empty();
    }

    private LocalActor create(MunicipalityProfile profile, java.util.function.BiFunction<DSLContext, MunicipalityProfile, LocalActor> insert) {
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (actors.handleTaken(tx, profile.handle())) {
                throw new ValidationException(List.of(new FieldError("handle", "'" + profile.handle() + "' is already taken on this node")));
            }
            LocalActor actor = insert.apply(tx, profile);
            keys.createKeys(tx, actor.id());
            return actor;
        });
    }

    public List<LocalActor> listCoordinators() {
        return actors.listCoordinators(db.dsl());
    }

    public Optional<LocalActor> findCoordinator(String handle) {
        if (!MunicipalityInput.isWellFormedHandle(handle)) return Optional.empty();
        return actors.findCoordinator(db.dsl(), handle);
    }

    /** Creates the instance actor and its keys on first start; later starts find it. */
    public LocalActor ensureInstanceActor() {
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            LocalActor instance = actors.insertInstanceIfAbsent(tx, nodeName);
            // Lock the row so two processes starting at once do not both generate keys.
            tx.selectFrom(de.allmende.db.Tables.ACTOR).where(de.allmende.db.Tables.ACTOR.ID.eq(instance.id())).forUpdate().fetch();
            if (keys.publishedKeys(instance.id()).isEmpty()) keys.createKeys(tx, instance.id());
            return instance;
        });
    }

    /**
     * Creates the relay actor and its keys (this node runs a relay from now on); a second call finds it. Fails if a
     * municipality already has the handle "relay".
     */
    public LocalActor ensureRelayActor(String displayName) {
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (actors.findRelay(tx).isEmpty() && actors.handleTaken(tx, "relay")) {
                throw new ValidationException(List.of(new FieldError("handle", "a municipality of this node has the handle 'relay'")));
            }
            LocalActor relay = actors.insertRelayIfAbsent(tx, displayName);
            tx.selectFrom(de.allmende.db.Tables.ACTOR).where(de.allmende.db.Tables.ACTOR.ID.eq(relay.id())).forUpdate().fetch();
            if (keys.publishedKeys(relay.id()).isEmpty()) keys.createKeys(tx, relay.id());
            return relay;
        });
    }

    /** The relay actor, if this node runs a relay. */
    public Optional<LocalActor> relayActor() {
        return actors.findRelay(db.dsl());
    }

    /**
     * A followable actor by handle: a municipality or a coordinator. A string that cannot be a handle (a NUL, a slash,
     * a space…) names nobody: no query is made for it.
     */
    public Optional<LocalActor> findMunicipality(String handle) {
        if (!MunicipalityInput.isWellFormedHandle(handle)) return Optional.empty();
        return actors.findMunicipality(db.dsl(), handle);
    }

    /** A local actor (municipality or instance) by its row id, e.g. the owner of a stored object. */
    public Optional<LocalActor> findById(long id) {
        return actors.findById(db.dsl(), id);
    }

    public LocalActor instanceActor() {
        return actors.findInstance(db.dsl()).orElseThrow();
    }

    public List<LocalActor> listMunicipalities() {
        return actors.listMunicipalities(db.dsl());
    }

    public int countMunicipalities() {
        return actors.countMunicipalities(db.dsl());
    }

    /** Rotates the keys of a municipality (by handle) or, with handle "instance-actor", of the node. */
    public LocalActor rotateKeys(String handle) {
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            LocalActor actor = ("instance-actor".equals(handle) ? actors.findInstance(tx) : actors.findMunicipality(tx, handle))
                    .orElseThrow(() -> new ValidationException(List.of(new FieldError("handle", "no actor '" + handle + "' on this node"))));
            keys.rotate(tx, actor.id());
            actors.touch(tx, actor.id());
            return actor;
        });
    }
}
