package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.ActivityJson;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.federation.json.Json;
import de.allmende.federation.proof.ObjectProofChecker;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;

/** Create, Update and Delete of objects (any type: Note, Article, Page, Event, …) and Update/Delete of actors. */
public final class ObjectHandlers {
    private final HandlerContext c;

    public ObjectHandlers(HandlerContext c) {
        this.c = c;
    }

    public final ActivityHandler create = this::create;
    public final ActivityHandler update = this::update;
    public final ActivityHandler delete = this::delete;

    private void create(ObjectNode activity, URI actor) throws IOException {
        JsonNode object = embeddedOrFetched(activity.get("object"));
        String id = Json.uri(object.get("id")).orElseThrow(() -> new IllegalArgumentException("object without id")).toString();
        if (!URI.create(id).getRawAuthority().equalsIgnoreCase(actor.getRawAuthority())) {
            throw new IllegalArgumentException("object is not on the actor's host");
        }
        String type = Json.firstType(object).orElse("Object");
        ObjectProof proof = checkProof(activity, object, actor);
        c.db().dsl().transaction(cfg -> {
            c.activities().insert(cfg.dsl(), activity.get("id").asText(), "Create", actor.toString(), id, null, Json.isPublic(activity), activity);
            c.objects().insertRemote(cfg.dsl(), id, type, actor.toString(), Json.inReplyTo(object), object, proof);
        });
    }

    private void update(ObjectNode activity, URI actor) throws IOException {
        JsonNode object = embeddedOrFetched(activity.get("object"));
        URI id = Json.uri(object.get("id")).orElseThrow(() -> new IllegalArgumentException("object without id"));
        if (AsToRemoteActor.ACTOR_TYPES.contains(Json.firstType(object).orElse(""))) {
            if (!id.equals(actor)) throw new IllegalArgumentException("actors may only update themselves");
            RemoteActor updated = AsToRemoteActor.convert(object).orElseThrow(() -> new IllegalArgumentException("invalid actor"));
            c.resolver().store(updated, object); // profile and key changes
            return;
        }
        ObjectProof proof = checkProof(activity, object, actor);
        c.db().dsl().transaction(cfg -> {
            var stored = c.objects().find(cfg.dsl(), id.toString());
            if (stored.isEmpty() || !stored.get().attributedTo().equals(actor.toString())) return; // unknown, or not theirs
            c.activities().insert(cfg.dsl(), activity.get("id").asText(), "Update", actor.toString(), id.toString(), null,
                    Json.isPublic(activity), activity);
            c.objects().updateRemote(cfg.dsl(), id.toString(), object, proof);
        });
    }

    private void delete(ObjectNode activity, URI actor) {
        URI id = Json.uri(activity.get("object")).orElseThrow(() -> new IllegalArgumentException("Delete without object"));
        c.db().dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            if (id.equals(actor)) { // the account is gone
                c.follows().deleteAllOf(tx, actor.toString());
                c.remoteActors().delete(tx, actor);
                return;
            }
            var stored = c.objects().find(tx, id.toString());
            if (stored.isEmpty() || !stored.get().attributedTo().equals(actor.toString())) return;
            c.activities().insert(tx, activity.get("id").asText(), "Delete", actor.toString(), id.toString(), null, false, activity);
            c.objects().markDeleted(tx, id.toString(), ActivityJson.tombstone(id, Instant.now()));
        });
        if (id.equals(actor)) c.resolver().forget(actor); // its keys verify nothing any more, also from memory
    }

    /**
     * The object's own proof, by its owner (attributedTo, else the activity's actor). A bad proof does not
     * stop an activity whose HTTP signature vouches for it: it is recorded as invalid.
     */
    private ObjectProof checkProof(ObjectNode activity, JsonNode object, URI actor) {
        JsonNode enclosingContext = activity.path("object").isObject() ? activity.get("@context") : null; // fetched: its own
        return c.proofs().check(object, ObjectProofChecker.ownerOf(object, actor), enclosingContext);
    }

    private JsonNode embeddedOrFetched(JsonNode object) throws IOException {
        if (object != null && object.isObject()) return object;
        URI id = Json.uri(object).orElseThrow(() -> new IllegalArgumentException("activity without object"));
        return c.fetcher().fetch(id);
    }
}
