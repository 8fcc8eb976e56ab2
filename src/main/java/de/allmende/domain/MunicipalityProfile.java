package de.allmende.domain;

import java.net.URI;
import java.util.Optional;

/** The validated profile of a municipality, as created by staff. */
public record MunicipalityProfile(
        String handle,
        String displayName,
        String summary,
        Optional<URI> website,
        Optional<String> ags,
        Optional<String> ars,
        Optional<Land> land,
        Optional<MunicipalityType> municipalityType,
        Optional<Integer> population,
        boolean manuallyApprovesFollowers) {
}
