package de.allmende.domain.push;

import java.net.URI;

/**
 * A subscription an app asks for: where its push service takes messages, and the keys to encrypt them for
 * (RFC 8291: the user agent's P-256 public key, uncompressed, and its 16-byte authentication secret).
 */
public record NewPushSubscription(URI endpoint, byte[] p256dh, byte[] auth, PushSettings settings) {}
