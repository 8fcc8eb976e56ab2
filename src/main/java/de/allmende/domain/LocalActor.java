package de.allmende.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A municipality, a coordinator, a coordinator's topic group, the instance actor or the relay actor hosted on this node. Optional fields are empty
 * for the latter two.
 * {@code avatar} and {@code header} are uploads of the actor ({@link Media} ids) its profile shows; {@code fields}
 * the name/value pairs it shows (the website until staff edit them).
 */
public record LocalActor(
        long id,
        ActorKind kind,
        String handle,
        String displayName,
        String summary,
        Optional<URI> website,
        Optional<String> ags,
        Optional<String> ars,
        Optional<Land> land,
        Optional<MunicipalityType> municipalityType,
        Optional<Integer> population,
        boolean manuallyApprovesFollowers,
        boolean discoverable,
        Instant published,
        Instant updated,
        Optional<UUID> avatar,
        Optional<UUID> header,
        List<ProfileField> fields,
        boolean bot,
        PostingDefaults postingDefaults) {

    public LocalActor {
        fields = List.copyOf(fields);
    }

    /** An actor whose profile was never edited from an app: its website as the only field. */
    public LocalActor(long id, ActorKind kind, String handle, String displayName, String summary, Optional<URI> website,
                      Optional<String> ags, Optional<String> ars, Optional<Land> land, Optional<MunicipalityType> municipalityType,
                      Optional<Integer> population, boolean manuallyApprovesFollowers, boolean discoverable, Instant published,
                      Instant updated) {
        this(id, kind, handle, displayName, summary, website, ags, ars, land, municipalityType, population, manuallyApprovesFollowers,
                discoverable, published, updated, Optional.empty(), Optional.empty(), websiteField(website), false, PostingDefaults.STANDARD);
    }

    /** The field a profile shows for its website until staff set fields of their own. */
    public static List<ProfileField> websiteField(Optional<URI> website) {
        return website.map(w -> List.of(new ProfileField("Website", w.toString()))).orElse(List.of());
    }

    public boolean isInstance() {
        return kind == ActorKind.INSTANCE;
    }

    public boolean isCoordinator() {
        return kind == ActorKind.COORDINATOR;
    }

    public boolean isGroup() {
        return kind == ActorKind.GROUP;
    }

    public boolean isRelay() {
        return kind == ActorKind.RELAY;
    }
}
