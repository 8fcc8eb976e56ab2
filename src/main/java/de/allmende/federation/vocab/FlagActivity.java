package de.allmende.federation.vocab;

import java.net.URI;
import java.util.List;

/**
 * A Flag (a report from another server's moderators or users): {@code flagged} the accounts and posts it names, in
 * its order (Mastodon sends the account, then its posts), {@code comment} why (empty if it says nothing).
 */
public record FlagActivity(InboundActivity activity, List<URI> flagged, String comment) implements ActivityView {
}
