package de.allmende.domain.client;

/**
 * A list of accounts a municipality follows, to read them apart (Mastodon's List entity before it is JSON).
 *
 * @param repliesPolicy which replies the list timeline shows: {@code followed} (to anyone followed), {@code list}
 *                      (to members) or {@code none}
 * @param exclusive     members' posts leave the home timeline
 */
public record ClientList(long id, String title, String repliesPolicy, boolean exclusive) {
    public static final java.util.List<String> REPLIES_POLICIES = java.util.List.of("followed", "list", "none");
}
