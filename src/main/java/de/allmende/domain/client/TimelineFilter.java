package de.allmende.domain.client;

/**
 * What a list of statuses leaves out, from the client API's flags: replies, boosts, posts without media; and for
 * the public timeline whether only this node's ({@code localOnly}) or only other servers' posts ({@code remoteOnly}).
 */
public record TimelineFilter(boolean excludeReplies, boolean excludeReblogs, boolean onlyMedia, boolean localOnly, boolean remoteOnly) {
    public static final TimelineFilter NONE = new TimelineFilter(false, false, false, false, false);
}
