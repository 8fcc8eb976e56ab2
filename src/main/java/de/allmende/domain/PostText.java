package de.allmende.domain;

/**
 * The words of a post as its readers see them, whatever the format it travels in.
 *
 * @param title   its name, or null
 * @param summary a short text shown before it (content warning, or the facts of an event), or null
 * @param html    its body as HTML (sanitise before showing: it may have come from elsewhere)
 */
public record PostText(String title, String summary, String html) {}
