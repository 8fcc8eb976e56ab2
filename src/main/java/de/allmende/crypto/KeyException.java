package de.allmende.crypto;

/** A key problem the operator must fix; the message is safe to print and names what is wrong. */
public final class KeyException extends RuntimeException {
    public KeyException(String message) {
        super(message);
    }
}
