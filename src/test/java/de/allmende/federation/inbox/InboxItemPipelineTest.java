package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.json.Json;
import de.allmende.federation.vocab.FollowActivity;
import de.allmende.federation.vocab.LikeActivity;
import de.allmende.store.InboxStore.InboxItem;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The worker's stages for one queued activity, without a queue: what each kind of trouble becomes. The worker
 * records Applied and Ignored as processed, RetryLater with backoff, Refused as failed for good.
 */
@DisplayName("inbox item pipeline: parse → view → dispatch, and what each kind of trouble becomes")
class InboxItemPipelineTest {
    private static final String LIKE = """
            {"id": "https://a.example/likes/1", "type": "Like", "actor": "https://a.example/u", "object": "https://b.example/notes/1"}""";

    @Test
    void theHandlerGetsTheTypedViewAndTheActivityCountsAsApplied() {
        AtomicReference<LikeActivity> seen = new AtomicReference<>();
        var pipeline = new InboxItemPipeline(new ActivityRouter().on(LikeActivity.class, seen::set));
        assertEquals(new InboxOutcome.Applied(), pipeline.apply(item(LIKE)));
        assertEquals("https://b.example/notes/1", seen.get().liked().iri().orElseThrow().toString());
        assertEquals("https://a.example/u", seen.get().actor().toString());
    }

    @Test
    void aTypeWeDoNotActOnIsIgnored() {
        var pipeline = new InboxItemPipeline(new ActivityRouter());
        assertEquals(new InboxOutcome.Ignored("Leave"), pipeline.apply(item(LIKE.replace("\"Like\"", "\"Leave\""))));
    }

    @Test
    void anActivityLackingWhatItsTypeNeedsIsRefusedWithoutReachingAHandler() {
        AtomicReference<FollowActivity> seen = new AtomicReference<>();
        var pipeline = new InboxItemPipeline(new ActivityRouter().on(FollowActivity.class, seen::set));
        var outcome = pipeline.apply(item("{\"id\": \"https://a.example/f\", \"type\": \"Follow\", \"actor\": \"https://a.example/u\"}"));
        assertEquals(new InboxOutcome.Refused("Follow without object"), outcome);
        assertNull(seen.get());
    }

    @Test
    void aFailedFetchAndOurOwnDatabaseAreRetriedAnythingElseIsRefused() {
        assertEquals(new InboxOutcome.RetryLater("peer unreachable"), throwing(new IOException("peer unreachable")));
        assertEquals(new InboxOutcome.RetryLater("database: pool exhausted"), throwing(new DataAccessException("pool exhausted")));
        assertEquals(new InboxOutcome.Refused("Follow of an unknown local actor"),
                throwing(new IllegalArgumentException("Follow of an unknown local actor")));
    }

    @Test
    void whatTheActivityNeedsBeingGoneIsFinalAnyOtherRefusalIsRetried() {
        var gone = new RemoteFetcher.NotServed(URI.create("https://a.example/u"), 410);
        assertEquals(new InboxOutcome.Refused(gone.getMessage()), throwing(gone));
        var notFound = new RemoteFetcher.NotServed(URI.create("https://a.example/u"), 404);
        assertEquals(new InboxOutcome.Refused(notFound.getMessage()), throwing(notFound));
        var busy = new RemoteFetcher.NotServed(URI.create("https://a.example/u"), 429);
        assertEquals(new InboxOutcome.RetryLater(busy.getMessage()), throwing(busy));
    }

    private static InboxOutcome throwing(Exception trouble) {
        var pipeline = new InboxItemPipeline(new ActivityRouter().on(LikeActivity.class, like -> {
            if (trouble instanceof IOException io) throw io;
            throw (RuntimeException) trouble;
        }));
        return pipeline.apply(item(LIKE));
    }

    private static InboxItem item(String body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            return new InboxItem(1, json.path("id").asText(), "https://a.example/u", json, 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
