package de.allmende.federation.iri;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which key ids an actor can own: those under its own IRI — the IRI itself with a fragment
 * ({@code …/users/a#main-key}: Mastodon, Misskey, Pleroma, Lemmy, Mobilizon …) or a path below it
 * ({@code …/users/a/main-key}: GoToSocial). Everything else (another host, a sibling path) belongs to
 * someone else, however an actor document lists it; so no actor can take over another's key.
 *
 * <p>Compared as strings, exactly as the {@code remote_key_under_owner} check in the database does
 * (V4__key_ownership.sql): both must agree, or a key accepted here would fail the insert.
 */
public final class KeyOwnership {
    private KeyOwnership() {}

    public static boolean isUnder(URI actor, String keyId) {
        if (keyId == null || actor == null) return false;
        String key = withoutFragment(keyId);
        String owner = stripTrailingSlashes(actor.toString());
        if (owner.isEmpty() || hasDotSegments(key)) return false;
        return key.equals(owner) || key.startsWith(owner + "/");
    }

    /** A key id as an absolute http(s) URL with a host, the only kind we look up. */
    public static Optional<URI> parse(String keyId) {
        try {
            URI u = new URI(keyId);
            boolean web = "https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme());
            return web && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The key id without its fragment: the document that should list the key. */
    public static String withoutFragment(String keyId) {
        int hash = keyId.indexOf('#');
        return hash < 0 ? keyId : keyId.substring(0, hash);
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') end--;
        return s.substring(0, end);
    }

    /** {@code …/users/a/../b}, also percent-encoded, would be under {@code a} as text but name {@code b}. */
    private static boolean hasDotSegments(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("/./") || k.contains("/../") || k.endsWith("/.") || k.endsWith("/..")
                || k.contains("%2e") || k.contains("%2f") || k.contains("\\");
    }
}
