package de.allmende.domain.client;

import de.allmende.domain.LocalActor;

/**
 * Who writes through the client API: a person ({@code personId}) acting as a municipality with an app's OAuth token
 * ({@code tokenId}; idempotency keys and the audit trail name it), seen as {@code viewer}.
 */
public record Poster(LocalActor municipality, Viewer viewer, long personId, long tokenId) {
    /** How the audit trail names the credential ({@code oauth-token:<id>}, as the staff API does for app tokens). */
    public String credential() {
        return "oauth-token:" + tokenId;
    }
}
