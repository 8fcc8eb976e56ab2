package de.allmende.federation.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Content-Type an inbox accepts: the media type compared exactly once its parameters are parsed
 * off (RFC 9110 §8.3.1), so {@code application/activity+jsonfoo} is not ActivityStreams. Parameters
 * may follow (ld+json's profile); a charset other than UTF-8 is refused, as the body must be UTF-8.
 */
final class ActivityMediaType {
    private static final Set<String> ACCEPTED = Set.of("application/activity+json", "application/ld+json", "application/json");

    private ActivityMediaType() {}

    static boolean accepts(String contentType) {
        if (contentType == null) return false;
        List<String> parts = splitOutsideQuotes(contentType);
        if (parts == null || !ACCEPTED.contains(parts.getFirst().strip().toLowerCase(Locale.ROOT))) return false;
        for (String parameter : parts.subList(1, parts.size())) {
            String p = parameter.strip();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            if (eq <= 0) return false;
            String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
            if (name.equals("charset") && !value.equalsIgnoreCase("utf-8")) return false;
        }
        return true;
    }

    /** Splits at semicolons outside quoted strings; null if a quote is left open. */
    private static List<String> splitOutsideQuotes(String s) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == '\\' && quoted && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == ';' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) return null;
        parts.add(current.toString());
        return parts;
    }
}
