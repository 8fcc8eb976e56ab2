package de.allmende.federation.inbox;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An inbox POST as received, independent of the HTTP framework. */
public record InboxRequest(URI target, Map<String, List<String>> headers, byte[] body, Optional<String> recipientHandle) {
}
