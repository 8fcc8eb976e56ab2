package de.allmende.crypto;

/**
 * Raised when encoded key material (base58, multibase, multicodec, DER) cannot be read.
 *
 * <p>The message is a short, fixed reason that is safe to log or return to a remote peer: it
 * never echoes the offending input, which may be attacker-controlled or secret.
 */
public final class KeyFormatException extends IllegalArgumentException {

    public KeyFormatException(String reason) {
        super(reason);
    }

    public KeyFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
