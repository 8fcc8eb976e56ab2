package de.allmende.federation.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.crypto.KeyAlgorithm;
import de.allmende.crypto.KeyPurpose;
import de.allmende.crypto.PublicKeys;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.store.StoredKey;
import de.allmende.support.Html;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Local actor → ActivityStreams actor document, with every field Mastodon reads (interop.md §1.2).
 * Exactly one RSA key goes into {@code publicKey}; Ed25519 keys, and keys retired within their grace
 * period, are FEP-521a Multikeys in {@code assertionMethod}.
 */
public final class LocalActorToAs {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Iris iris;

    public LocalActorToAs(Iris iris) {
        this.iris = iris;
    }

    public ObjectNode municipality(LocalActor a, List<StoredKey> keys) {
        URI id = iris.actor(a.handle());
        ObjectNode doc = F.objectNode();
        doc.set("@context", a.isCoordinator() ? Contexts.coordinatorActor() : Contexts.actor());
        doc.put("id", id.toString());
        doc.put("type", "Organization");
        doc.put("preferredUsername", a.handle());
        doc.put("webfinger", a.handle() + "@" + iris.base().getRawAuthority());
        doc.put("name", a.displayName());
        doc.put("summary", Html.paragraphs(a.summary()));
        doc.put("url", iris.profilePage(a.handle()).toString());
        doc.put("inbox", iris.inbox(a.handle()).toString());
        doc.put("outbox", iris.outbox(a.handle()).toString());
        doc.put("followers", iris.followers(a.handle()).toString());
        doc.put("following", iris.following(a.handle()).toString());
        doc.put("featured", iris.featured(a.handle()).toString());
        doc.put("liked", iris.liked(a.handle()).toString());
        doc.putObject("endpoints").put("sharedInbox", iris.sharedInbox().toString());
        doc.put("manuallyApprovesFollowers", a.manuallyApprovesFollowers());
        doc.put("discoverable", a.discoverable());
        doc.put("indexable", a.discoverable());
        doc.put("published", a.published().truncatedTo(ChronoUnit.SECONDS).toString());
        // An uploaded avatar (update_credentials) or the icon the node draws; a header only once one is uploaded.
        if (a.avatar().isPresent()) doc.putObject("icon").put("type", "Image").put("url", iris.media(a.avatar().get()).toString());
        else doc.putObject("icon").put("type", "Image").put("mediaType", "image/png").put("url", iris.icon(a.handle()).toString());
        a.header().ifPresent(h -> doc.putObject("image").put("type", "Image").put("url", iris.media(h).toString()));
        ArrayNode fields = doc.putArray("attachment");
        a.fields().forEach(f -> field(fields, f.name(), Html.fieldValue(f.value())));
        a.ags().ifPresent(v -> field(fields, "AGS", v));
        a.ars().ifPresent(v -> field(fields, "ARS", v));
        a.land().ifPresent(v -> field(fields, "Land", v.label()));
        a.municipalityType().ifPresent(t -> doc.put("municipalityType", t.slug()));
        a.ags().ifPresent(v -> doc.put("ags", v));
        a.ars().ifPresent(v -> doc.put("ars", v));
        a.land().ifPresent(v -> doc.put("land", v.iso()));
        a.population().ifPresent(p -> doc.put("population", p));
        if (a.isCoordinator()) {
            // An Organization like the municipalities (Mastodon shows it as a normal followable profile); the
            // property says it is a network office that aggregates them, the field says so to people.
            doc.put("coordinator", true);
            field(fields, "Rolle", "Koordinierungsstelle im Open-Government-Netzwerk");
        }
        addKeys(doc, id, keys);
        return doc;
    }

    /**
     * A coordinator's topic group (FEP-1b12): a {@code Group} (Mastodon shows it as a group one follows like an account,
     * Lemmy as a community), its moderators collection ({@code attributedTo}) naming the coordinator. Anyone the group
     * knows may post into it by addressing it, so posting is not restricted to moderators.
     *
     * @param field the code of its field of action
     */
    public ObjectNode group(LocalActor a, List<StoredKey> keys, LocalActor coordinator, String field) {
        ObjectNode doc = municipality(a, keys);
        doc.set("@context", Contexts.groupActor());
        doc.put("type", "Group");
        doc.put("attributedTo", iris.moderators(a.handle()).toString());
        doc.put("postingRestrictedToMods", false);
        doc.put("fieldOfAction", field);
        String coordinatorHandle = "@" + coordinator.handle() + "@" + iris.base().getRawAuthority();
        field((ArrayNode) doc.get("attachment"), "Koordinierungsstelle", "<a href=\"" + Html.escape(iris.profilePage(coordinator.handle()).toString())
                + "\">" + Html.escape(coordinatorHandle) + "</a>");
        return doc;
    }

    /** The instance actor (FEP-2677): an Application, fetchable without a signature. */
    public ObjectNode instance(LocalActor a, List<StoredKey> keys) {
        ObjectNode doc = application(a, iris.instanceActor(), iris.base().getHost(), iris.instanceInbox(), keys);
        doc.put("url", iris.base() + "/");
        doc.put("outbox", iris.instanceOutbox().toString());
        doc.putObject("endpoints").put("sharedInbox", iris.sharedInbox().toString());
        return doc;
    }

    /**
     * The relay actor (FEP-ae0c): an {@code Application}, as the relays in use publish theirs (Activity-Relay,
     * AodeRelay, ActivityRelay, pub-relay) and as some subscribers require of a relay and of its subscribers.
     */
    public ObjectNode relay(LocalActor a, List<StoredKey> keys) {
        ObjectNode doc = application(a, iris.relayActor(), "relay", iris.relayInbox(), keys);
        doc.put("url", iris.relayActor().toString());
        doc.putObject("endpoints").put("sharedInbox", iris.relayInbox().toString());
        return doc;
    }

    /** A server's own actor: an Application that approves its followers itself (the node, an allowlist) and is not indexed. */
    private ObjectNode application(LocalActor a, URI id, String username, URI inbox, List<StoredKey> keys) {
        ObjectNode doc = F.objectNode();
        doc.set("@context", Contexts.actor());
        doc.put("id", id.toString());
        doc.put("type", "Application");
        doc.put("preferredUsername", username);
        doc.put("name", a.displayName());
        doc.put("summary", Html.paragraphs(a.summary()));
        doc.put("inbox", inbox.toString());
        doc.put("manuallyApprovesFollowers", true);
        doc.put("discoverable", false);
        doc.put("indexable", false);
        doc.put("published", a.published().truncatedTo(ChronoUnit.SECONDS).toString());
        addKeys(doc, id, keys);
        return doc;
    }

    private void addKeys(ObjectNode doc, URI actorId, List<StoredKey> keys) {
        ArrayNode assertion = F.arrayNode();
        for (StoredKey k : keys) {
            String keyId = iris.key(actorId, k.fragment()).toString();
            if (k.purpose() == KeyPurpose.HTTP_SIGNATURE && k.active()) {
                doc.putObject("publicKey").put("id", keyId).put("owner", actorId.toString())
                        .put("publicKeyPem", PublicKeys.pem(k.publicKey()));
            } else if (k.algorithm() == KeyAlgorithm.ED25519) {
                assertion.addObject().put("id", keyId).put("type", "Multikey").put("controller", actorId.toString())
                        .put("publicKeyMultibase", PublicKeys.ed25519Multibase(k.publicKey()));
            } else {
                assertion.addObject().put("id", keyId).put("type", "Multikey").put("controller", actorId.toString())
                        .put("publicKeyMultibase", PublicKeys.rsaMultibase(k.publicKey()));
            }
        }
        if (!assertion.isEmpty()) doc.set("assertionMethod", assertion);
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("type", "PropertyValue").put("name", name).put("value", value);
    }
}
