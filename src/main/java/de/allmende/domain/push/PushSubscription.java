package de.allmende.domain.push;

import java.net.URI;

/** A token's subscription as the app reads it back (Mastodon's WebPushSubscription, without the node's key). */
public record PushSubscription(long id, URI endpoint, PushSettings settings) {}
