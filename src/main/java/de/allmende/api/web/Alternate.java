package de.allmende.api.web;

/**
 * Another representation of a page, for {@code <link rel="alternate">} in the head and a visible link
 * in the footer. {@code visibleHref} differs from {@code href} only where a browser could not reach
 * the representation by the link alone (ActivityStreams JSON is negotiated by Accept header).
 */
public record Alternate(String type, String href, String title, String visibleHref) {
    public static Alternate of(String type, String href, String title) {
        return new Alternate(type, href, title, href);
    }
}
