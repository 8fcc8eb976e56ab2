package de.allmende.api.activitypub;

import de.allmende.api.PathParams;
import de.allmende.federation.inbox.InboxPipeline;
import de.allmende.federation.inbox.InboxRequest;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.relay.RelayInbox;
import de.allmende.service.ActorService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** POST to a personal or the shared inbox: hands the raw request to the {@link InboxPipeline} and answers 202. */
public final class InboxHandler {
    private final InboxPipeline pipeline;
    private final RelayInbox relay;
    private final ActorService actors;
    private final Iris iris;

    public InboxHandler(InboxPipeline pipeline, RelayInbox relay, ActorService actors, Iris iris) {
        this.pipeline = pipeline;
        this.relay = relay;
        this.actors = actors;
        this.iris = iris;
    }

    public void personal(RoutingContext ctx) {
        String handle = PathParams.handle(ctx);
        actors.findMunicipality(handle).orElseThrow(() -> ApiException.notFound("no such actor"));
        receive(ctx, Optional.of(handle));
    }

    public void shared(RoutingContext ctx) {
        receive(ctx, Optional.empty());
    }

    /** The relay actor's inbox (FEP-ae0c): subscriptions and activities to forward; says what became of the request. */
    public void relay(RoutingContext ctx) {
        RelayInbox.Outcome outcome = relay.receive(request(ctx, Optional.empty()));
        ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                .end("{\"relay\":\"" + outcome.name().toLowerCase(java.util.Locale.ROOT) + "\"}");
    }

    private void receive(RoutingContext ctx, Optional<String> handle) {
        boolean fresh = pipeline.receive(request(ctx, handle));
        ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json").end(fresh ? "{}" : "{\"duplicate\":true}");
    }

    private InboxRequest request(RoutingContext ctx, Optional<String> handle) {
        Map<String, List<String>> headers = RequestTarget.headers(ctx);
        // Signatures cover the target as the client saw it: our public scheme, the Host it sent, the raw path and query.
        URI target = RequestTarget.of(ctx, iris);
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        return new InboxRequest(target, headers, body, handle);
    }
}
