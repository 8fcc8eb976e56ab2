package de.allmende.content;

import java.net.URI;

/**
 * A project update, published as a Note so Mastodon shows its full text. It belongs to a project
 * ({@code context} and {@code inReplyTo}) and may move the project to a new status.
 */
public record ProjectUpdate(Common common, URI project, Project.StatusAsOf newStatus) implements ContentDetails {
    @Override public ContentKind kind() { return ContentKind.UPDATE; }
}
