package de.allmende.federation.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.inbox.handlers.KeptObjects;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.federation.json.Json;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.service.ModerationService;
import de.allmende.service.port.RemoteLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Search's way onto the network (Mastodon's ResolveAccountService and ResolveURLService): WebFinger for a handle,
 * a signed GET for a URL. A URL may be a page that is not the document's id (Mastodon's {@code /@user/123} serves
 * the post whose id is {@code /users/user/statuses/123}); the id is trusted only on the host that served it, and
 * the document is then fetched again under its id, which must serve it. Blocked servers and actors are never asked.
 */
public final class RemoteLookups implements RemoteLookup {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteLookups.class);

    private final ActorResolver resolver;
    private final RemoteFetcher fetcher;
    private final ModerationService moderation;
    private final KeptObjects kept;

    public RemoteLookups(ActorResolver resolver, RemoteFetcher fetcher, ModerationService moderation, KeptObjects kept) {
        this.resolver = resolver;
        this.fetcher = fetcher;
        this.moderation = moderation;
        this.kept = kept;
    }

    @Override
    public Optional<URI> actorByHandle(String user, String host) {
        if (moderation.isBlockedDomain(host)) return Optional.empty();
        try {
            URI iri = resolver.webfinger(user + "@" + host);
            if (blocked(iri)) return Optional.empty();
            return Optional.of(resolver.resolve(iri).iri());
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("{}@{} not resolved: {}", user, host, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<Found> byUrl(URI url) {
        if (url.getRawAuthority() == null || blocked(url)) return Optional.empty();
        try {
            RemoteFetcher.Served served = fetcher.fetchServed(url);
            Optional<URI> id = Json.uri(served.doc().get("id"));
            if (id.isEmpty() || !id.get().getRawAuthority().equalsIgnoreCase(served.url().getRawAuthority()) || blocked(id.get())) {
                return Optional.empty();
            }
            if (AsToRemoteActor.ACTOR_TYPES.contains(served.doc().path("type").asText())) {
                return Optional.of(new Found.Actor(resolver.resolve(id.get()).iri()));
            }
            JsonNode doc = served.isDocumentOf(id.get()) ? served.doc() : fetcher.fetch(id.get());
            URI iri = id.get();
            return AsToInboundActivity.object(doc).filter(o -> kept.keep(iri, o, Optional.empty(), Optional.empty()))
                    .map(o -> new Found.Post(iri));
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("{} not resolved: {}", url, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean blocked(URI iri) {
        return iri.getRawAuthority() == null || moderation.isBlockedDomain(iri.getRawAuthority()) || moderation.isBlockedActor(iri.toString());
    }
}
