package de.allmende.domain;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** An actor on another server, as far as this node needs it. */
public record RemoteActor(
        URI iri,
        String type,
        Optional<String> preferredUsername,
        Optional<String> name,
        URI inbox,
        Optional<URI> sharedInbox,
        Optional<URI> followers,
        List<RemoteKey> keys) {

    /** Shared inbox if the actor offers one (one POST per host), else its own inbox. */
    public URI deliveryInbox() {
        return sharedInbox.orElse(inbox);
    }

    public String host() {
        return iri.getRawAuthority();
    }

    /** A public key published by a remote actor: X.509 SPKI DER with its algorithm ("rsa" or "ed25519"). */
    public record RemoteKey(String keyId, URI owner, String algorithm, byte[] spki) {}
}
