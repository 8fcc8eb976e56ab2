package de.allmende.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** A municipality, the instance actor or the relay actor hosted on this node. Optional fields are empty for the latter two. */
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
        Instant updated) {

    public boolean isInstance() {
        return kind == ActorKind.INSTANCE;
    }

    public boolean isRelay() {
        return kind == ActorKind.RELAY;
    }
}
