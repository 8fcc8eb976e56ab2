package de.allmende.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The pages' one stylesheet ({@code templates/style.css}), inlined into every page so a page is one
 * request. The Content-Security-Policy admits it by its SHA-256 hash instead of {@code 'unsafe-inline'},
 * so injected markup can bring no style of its own.
 */
public final class Stylesheet {
    public static final Stylesheet PAGES = load("/templates/style.css");

    private final String css;
    private final String cspSource;

    private Stylesheet(String css) {
        this.css = css;
        this.cspSource = "'sha256-" + Base64.getEncoder().encodeToString(sha256(css)) + "'";
    }

    /** The text between {@code <style>} and {@code </style>}, exactly as hashed. */
    public String css() { return css; }

    /** The CSP source expression that admits exactly this text, e.g. {@code 'sha256-…'}. */
    public String cspSource() { return cspSource; }

    private static Stylesheet load(String resource) {
        try (InputStream in = Stylesheet.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            return new Stylesheet(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
