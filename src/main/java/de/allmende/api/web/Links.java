package de.allmende.api.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Link targets for pages: only schemes a page may link to; anything else is shown as text. */
final class Links {
    private static final Set<String> SAFE = Set.of("http", "https", "mailto", "tel", "geo");

    private Links() {}

    /** The URI as an href, or null if its scheme is not one pages link to (e.g. javascript:). */
    static String safeHref(URI uri) {
        if (uri == null || uri.getScheme() == null) return null;
        return SAFE.contains(uri.getScheme().toLowerCase(Locale.ROOT)) ? uri.toString() : null;
    }

    static URI mailto(String email) {
        return URI.create("mailto:" + email.strip().replace(" ", "%20"));
    }

    static URI tel(String phone) {
        return URI.create("tel:" + phone.replaceAll("[^+0-9]", ""));
    }
}
