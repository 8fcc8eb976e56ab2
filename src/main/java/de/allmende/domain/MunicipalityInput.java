package de.allmende.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Raw input for a new municipality (from the CLI or an API), validated field by field into a
 * {@link MunicipalityProfile}. Strings may be null when the field was not given.
 */
public record MunicipalityInput(
        String handle,
        String displayName,
        String summary,
        String website,
        String ags,
        String ars,
        String land,
        String municipalityType,
        String population,
        boolean manuallyApprovesFollowers) {

    /** Same shape as Mastodon usernames so handles work as acct: names everywhere. */
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9_](?:[a-z0-9_.-]{0,62}[a-z0-9_])?");
    /** Paths and names the node uses itself. */
    private static final Set<String> RESERVED = Set.of("actor", "instance", "instance-actor", "relay", "admin",
            "api", "inbox", "outbox", "nodeinfo", "well-known", "static", "health", "metrics");
    private static final int MAX_POPULATION = 10_000_000;

    /** True if {@code handle} has the form of a handle (whether or not such an actor exists). */
    public static boolean isWellFormedHandle(String handle) {
        return handle != null && HANDLE.matcher(handle).matches();
    }

    public MunicipalityProfile validate() {
        List<FieldError> errors = new ArrayList<>();
        String h = handle == null ? "" : handle.trim();
        if (!HANDLE.matcher(h).matches()) {
            errors.add(new FieldError("handle", "use 1–64 lowercase letters, digits, '_', '.' or '-', starting and ending with a letter, digit or '_'"));
        } else if (RESERVED.contains(h)) {
            errors.add(new FieldError("handle", "'" + h + "' is reserved by the node"));
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 100) errors.add(new FieldError("name", "required, at most 100 characters"));
        String bio = summary == null ? "" : summary.strip();
        if (bio.length() > 2000) errors.add(new FieldError("summary", "at most 2000 characters"));

        Optional<URI> site = optional(website).flatMap(w -> parseWebsite(w, errors));
        Optional<Land> parsedLand = optional(land).flatMap(l -> {
            Optional<Land> p = Land.parse(l);
            if (p.isEmpty()) errors.add(new FieldError("land", "unknown Land '" + l + "'; use its name, two-digit key or ISO code such as DE-BY"));
            return p;
        });
        Optional<String> parsedAgs = optional(ags).flatMap(a -> checkKey("ags", a, 8, "8-digit Amtlicher Gemeindeschlüssel, e.g. 09162000", parsedLand, errors));
        Optional<String> parsedArs = optional(ars).flatMap(a -> checkKey("ars", a, 12, "12-digit Amtlicher Regionalschlüssel, e.g. 091620000000", parsedLand, errors));
        if (parsedAgs.isPresent() && parsedArs.isPresent()) {
            String a = parsedArs.get();
            if (!(a.substring(0, 5) + a.substring(9)).equals(parsedAgs.get())) {
                errors.add(new FieldError("ars", "does not match the AGS: an ARS is Land+Bezirk+Kreis (5) + Verband (4) + Gemeinde (3), and the AGS is its digits 1–5 and 10–12"));
            }
        }
        Optional<MunicipalityType> type = optional(municipalityType).flatMap(t -> {
            Optional<MunicipalityType> p = MunicipalityType.parse(t);
            if (p.isEmpty()) errors.add(new FieldError("type", "unknown type '" + t + "'; one of " + MunicipalityType.slugs()));
            return p;
        });
        Optional<Integer> pop = optional(population).flatMap(p -> {
            try {
                int n = Integer.parseInt(p.replace("_", "").replace(".", ""));
                if (n >= 0 && n <= MAX_POPULATION) return Optional.of(n);
            } catch (NumberFormatException ignored) {
                // reported below
            }
            errors.add(new FieldError("population", "a whole number between 0 and " + MAX_POPULATION));
            return Optional.empty();
        });
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new MunicipalityProfile(h, name, bio, site, parsedAgs, parsedArs, parsedLand, type, pop, manuallyApprovesFollowers);
    }

    private static Optional<String> optional(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    private static Optional<URI> parseWebsite(String w, List<FieldError> errors) {
        try {
            URI u = new URI(w);
            if (("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null) return Optional.of(u);
        } catch (Exception ignored) {
            // reported below
        }
        errors.add(new FieldError("website", "must be an http(s) URL such as https://www.musterstadt.de"));
        return Optional.empty();
    }

    private static Optional<String> checkKey(String field, String value, int digits, String what,
                                             Optional<Land> land, List<FieldError> errors) {
        String v = value.replace(" ", "");
        if (!v.matches("[0-9]{" + digits + "}")) {
            errors.add(new FieldError(field, "must be the " + what));
            return Optional.empty();
        }
        Optional<Land> byKey = Land.byCode(v.substring(0, 2));
        if (byKey.isEmpty()) {
            errors.add(new FieldError(field, "starts with " + v.substring(0, 2) + ", which is no Land key (01–16)"));
            return Optional.empty();
        }
        if (land.isPresent() && land.get() != byKey.get()) {
            errors.add(new FieldError(field, "belongs to " + byKey.get().label() + ", not to " + land.get().label()));
            return Optional.empty();
        }
        return Optional.of(v);
    }
}
