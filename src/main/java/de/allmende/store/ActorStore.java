package de.allmende.store;

import de.allmende.domain.ActorKind;
import de.allmende.domain.Land;
import de.allmende.domain.LocalActor;
import de.allmende.domain.MunicipalityProfile;
import de.allmende.domain.MunicipalityType;
import de.allmende.domain.PostingDefaults;
import de.allmende.domain.ProfileField;
import de.allmende.db.tables.records.ActorRecord;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import de.allmende.db.Changes;

import static de.allmende.db.Tables.ACTOR;

/** Persistence of local actors. */
public final class ActorStore {
    private static final List<String> FOLLOWABLE = List.of(ActorKind.MUNICIPALITY.dbName(), ActorKind.COORDINATOR.dbName(),
            ActorKind.GROUP.dbName());

    /** Inserts a municipality and returns it with its id; the unique handle is enforced by the database. */
    public LocalActor insertMunicipality(DSLContext tx, MunicipalityProfile p) {
        Changes.announce(tx, Changes.ACTORS);
        return toActor(tx.insertInto(ACTOR)
                .set(ACTOR.KIND, ActorKind.MUNICIPALITY.dbName())
                .set(ACTOR.HANDLE, p.handle())
                .set(ACTOR.DISPLAY_NAME, p.displayName())
                .set(ACTOR.SUMMARY, p.summary())
                .set(ACTOR.WEBSITE, p.website().map(URI::toString).orElse(null))
                .set(ACTOR.AGS, p.ags().orElse(null))
                .set(ACTOR.ARS, p.ars().orElse(null))
                .set(ACTOR.LAND, p.land().map(Land::code).orElse(null))
                .set(ACTOR.MUNICIPALITY_TYPE, p.municipalityType().map(MunicipalityType::slug).orElse(null))
                .set(ACTOR.POPULATION, p.population().orElse(null))
                .set(ACTOR.MANUALLY_APPROVES_FOLLOWERS, p.manuallyApprovesFollowers())
                .returning().fetchSingle());
    }

    /** Inserts a coordinator (only handle, name and Land of the profile apply) and returns it with its id. */
    public LocalActor insertCoordinator(DSLContext tx, MunicipalityProfile p) {
        Changes.announce(tx, Changes.ACTORS);
        return toActor(tx.insertInto(ACTOR)
                .set(ACTOR.KIND, ActorKind.COORDINATOR.dbName())
                .set(ACTOR.HANDLE, p.handle())
                .set(ACTOR.DISPLAY_NAME, p.displayName())
                .set(ACTOR.SUMMARY, p.summary())
                .set(ACTOR.LAND, p.land().map(Land::code).orElse(null))
                .returning().fetchSingle());
    }

    /** Inserts a coordinator's topic group: a bot (it only boosts), discoverable, that accepts every follower at once. */
    public LocalActor insertGroup(DSLContext tx, String handle, String displayName, String summary) {
        Changes.announce(tx, Changes.ACTORS);
        return toActor(tx.insertInto(ACTOR)
                .set(ACTOR.KIND, ActorKind.GROUP.dbName())
                .set(ACTOR.HANDLE, handle)
                .set(ACTOR.DISPLAY_NAME, displayName)
                .set(ACTOR.SUMMARY, summary)
                .set(ACTOR.BOT, true)
                .returning().fetchSingle());
    }

    /** Inserts the instance actor if it does not exist yet; returns it either way. */
    public LocalActor insertInstanceIfAbsent(DSLContext tx, String displayName) {
        return insertOneOfKind(tx, ActorKind.INSTANCE, "instance-actor", displayName,
                "The Allmende node itself. It signs server-to-server requests.");
    }

    /** Inserts the relay actor if it does not exist yet; returns it either way. */
    public LocalActor insertRelayIfAbsent(DSLContext tx, String displayName) {
        return insertOneOfKind(tx, ActorKind.RELAY, "relay", displayName,
                "The relay of this node: it forwards the public posts of its subscribers to each other.");
    }

    /** The node's one actor of this kind (a unique index allows no second), made now if there is none; never discoverable. */
    private LocalActor insertOneOfKind(DSLContext tx, ActorKind kind, String handle, String displayName, String summary) {
        int inserted = tx.insertInto(ACTOR)
                .set(ACTOR.KIND, kind.dbName())
                .set(ACTOR.HANDLE, handle)
                .set(ACTOR.DISPLAY_NAME, displayName)
                .set(ACTOR.SUMMARY, summary)
                .set(ACTOR.DISCOVERABLE, false)
                .onConflictDoNothing().execute();
        if (inserted > 0) Changes.announce(tx, Changes.ACTORS);
        return findOneOfKind(tx, kind).orElseThrow();
    }

    public Optional<LocalActor> findRelay(DSLContext tx) {
        return findOneOfKind(tx, ActorKind.RELAY);
    }

    public Optional<LocalActor> findById(DSLContext tx, long id) {
        return tx.selectFrom(ACTOR).where(ACTOR.ID.eq(id)).fetchOptional(ActorStore::toActor);
    }

    public Optional<LocalActor> findInstance(DSLContext tx) {
        return findOneOfKind(tx, ActorKind.INSTANCE);
    }

    private static Optional<LocalActor> findOneOfKind(DSLContext tx, ActorKind kind) {
        return tx.selectFrom(ACTOR).where(ACTOR.KIND.eq(kind.dbName())).fetchOptional(ActorStore::toActor);
    }

    /**
     * A followable actor of this node by handle: a municipality, a coordinator or a topic group. All publish, are
     * followed, have inboxes and collections and sign as themselves; the instance and relay actors are not found here.
     */
    public Optional<LocalActor> findMunicipality(DSLContext tx, String handle) {
        return tx.selectFrom(ACTOR)
                .where(ACTOR.HANDLE.eq(handle), ACTOR.KIND.in(FOLLOWABLE))
                .fetchOptional(ActorStore::toActor);
    }

    public boolean handleTaken(DSLContext tx, String handle) {
        return tx.fetchExists(ACTOR, ACTOR.HANDLE.eq(handle));
    }

    public List<LocalActor> listMunicipalities(DSLContext tx) {
        return tx.selectFrom(ACTOR).where(ACTOR.KIND.eq(ActorKind.MUNICIPALITY.dbName()))
                .orderBy(ACTOR.HANDLE).fetch(ActorStore::toActor);
    }

    public List<LocalActor> listCoordinators(DSLContext tx) {
        return tx.selectFrom(ACTOR).where(ACTOR.KIND.eq(ActorKind.COORDINATOR.dbName())).orderBy(ACTOR.HANDLE).fetch(ActorStore::toActor);
    }

    public Optional<LocalActor> findCoordinator(DSLContext tx, String handle) {
        return tx.selectFrom(ACTOR).where(ACTOR.HANDLE.eq(handle), ACTOR.KIND.eq(ActorKind.COORDINATOR.dbName()))
                .fetchOptional(ActorStore::toActor);
    }

    public int countMunicipalities(DSLContext tx) {
        return tx.fetchCount(ACTOR, ACTOR.KIND.eq(ActorKind.MUNICIPALITY.dbName()));
    }

    /** Marks a profile change (e.g. a key rotation) so followers refetch the actor. */
    public void touch(DSLContext tx, long actorId) {
        Changes.announce(tx, Changes.ACTORS);
        tx.update(ACTOR).set(ACTOR.UPDATED, org.jooq.impl.DSL.currentOffsetDateTime()).where(ACTOR.ID.eq(actorId)).execute();
    }

    /**
     * Writes what staff changed of a municipality's profile from an app (what the change leaves out stays) and marks
     * it changed; returns the profile as it is now.
     */
    public LocalActor updateProfile(DSLContext tx, long actorId, ProfileUpdate u) {
        Changes.announce(tx, Changes.ACTORS);
        var update = tx.update(ACTOR).set(ACTOR.UPDATED, org.jooq.impl.DSL.currentOffsetDateTime());
        u.displayName().ifPresent(v -> update.set(ACTOR.DISPLAY_NAME, v));
        u.summary().ifPresent(v -> update.set(ACTOR.SUMMARY, v));
        u.avatar().ifPresent(v -> update.set(ACTOR.AVATAR_MEDIA_ID, v));
        u.header().ifPresent(v -> update.set(ACTOR.HEADER_MEDIA_ID, v));
        u.locked().ifPresent(v -> update.set(ACTOR.MANUALLY_APPROVES_FOLLOWERS, v));
        u.bot().ifPresent(v -> update.set(ACTOR.BOT, v));
        u.discoverable().ifPresent(v -> update.set(ACTOR.DISCOVERABLE, v));
        u.fields().ifPresent(v -> update.set(ACTOR.PROFILE_FIELDS, ProfileFieldsColumn.write(v)));
        u.privacy().ifPresent(v -> update.set(ACTOR.DEFAULT_PRIVACY, v));
        u.sensitive().ifPresent(v -> update.set(ACTOR.DEFAULT_SENSITIVE, v));
        u.language().ifPresent(v -> update.set(ACTOR.DEFAULT_LANGUAGE, v.orElse(null)));
        update.where(ACTOR.ID.eq(actorId)).execute();
        return findById(tx, actorId).orElseThrow();
    }

    /** The columns a profile edit may set; each empty one stays as it is ({@code language} empty inside: none). */
    public record ProfileUpdate(Optional<String> displayName, Optional<String> summary, Optional<java.util.UUID> avatar,
                                Optional<java.util.UUID> header, Optional<Boolean> locked, Optional<Boolean> bot,
                                Optional<Boolean> discoverable, Optional<List<ProfileField>> fields, Optional<String> privacy,
                                Optional<Boolean> sensitive, Optional<Optional<String>> language) {}

    private static LocalActor toActor(ActorRecord r) {
        Optional<URI> website = Optional.ofNullable(r.getWebsite()).map(URI::create);
        List<ProfileField> fields = r.getProfileFields() == null ? LocalActor.websiteField(website) : ProfileFieldsColumn.read(r.getProfileFields());
        return new LocalActor(r.getId(), ActorKind.fromDb(r.getKind()), r.getHandle(), r.getDisplayName(), r.getSummary(),
                website,
                Optional.ofNullable(r.getAgs()), Optional.ofNullable(r.getArs()),
                Optional.ofNullable(r.getLand()).flatMap(Land::byCode),
                Optional.ofNullable(r.getMunicipalityType()).flatMap(MunicipalityType::parse),
                Optional.ofNullable(r.getPopulation()),
                r.getManuallyApprovesFollowers(), r.getDiscoverable(),
                r.getPublished().toInstant(), r.getUpdated().toInstant(),
                Optional.ofNullable(r.getAvatarMediaId()), Optional.ofNullable(r.getHeaderMediaId()), fields, r.getBot(),
                new PostingDefaults(r.getDefaultPrivacy(), r.getDefaultSensitive(), Optional.ofNullable(r.getDefaultLanguage())));
    }
}
