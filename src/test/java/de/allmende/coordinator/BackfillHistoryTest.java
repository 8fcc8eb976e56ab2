package de.allmende.coordinator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.event.Consumer;
import de.allmende.domain.event.Mentioned;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.federation.json.Json;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a backfill reads is mostly history: old posts that Mastodon would neither put into timelines and streams nor
 * notify anyone of (it distributes a fetched status only within its real-time window of six hours). So an old post's
 * event has a job for the search index only — and for the topic groups if it addresses this node — while a post
 * published within the window is news, with a job for every consumer, as if it had been delivered.
 */
@DisplayName("Coordinator: backfilled history is indexed, not streamed or notified")
class BackfillHistoryTest {

    @Test
    void eachConsumerSaysWhatItWantsOfHistory() {
        URI amt = URI.create("https://kommune.example/users/amt"), post = URI.create("https://kommune.example/notes/1");
        PostCreated created = new PostCreated(amt, post, "Note");
        assertEquals(Set.of(Consumer.SEARCH_INDEX), wantingHistory(created, false), "history is searched, not news");
        assertEquals(Set.of(Consumer.SEARCH_INDEX, Consumer.TOPIC_GROUPS), wantingHistory(created, true),
                "a topic group may take history addressed to it");
        assertEquals(Set.of(), wantingHistory(new Mentioned(amt, post, URI.create("https://here.example/actors/x")), true),
                "an old mention notifies no one");
        assertEquals(Set.of(Consumer.SEARCH_INDEX, Consumer.TOPIC_GROUPS), wantingHistory(new PostDeleted(amt, post), true));
    }

    @Test
    void anOldPostMakesASearchJobOnlyARecentOneEveryJobAndOneAddressedHereATopicGroupJobToo() {
        try (FakeRemote remote = FakeRemote.start(); TestNode node = TestNode.start()) {
            FakeRemote.Actor amt = remote.actor("amt");
            Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
            ObjectNode old = remote.note(amt, "<p>Haushaltsplan 2024 beschlossen</p>").put("published", monthAgo.toString());
            ObjectNode recent = remote.note(amt, "<p>Heute Bürgersprechstunde</p>");
            ObjectNode addressed = remote.note(amt, "<p>Transparenzbericht veröffentlicht</p>").put("published", monthAgo.toString());
            addressed.withArray("cc").add(node.actorIri("transparenz").toString());
            remote.serve(amt.id().getPath() + "/outbox", Json.MAPPER.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
                    .put("id", amt.id() + "/outbox").put("type", "OrderedCollection").put("totalItems", 3)
                    .set("orderedItems", Json.MAPPER.createArrayNode().add(create(remote, amt, recent)).add(create(remote, amt, addressed))
                            .add(create(remote, amt, old))));

            LocalActor coordinator = node.node().services().actors.createCoordinator(Fixtures.netzwerkHessen());
            node.node().services().coordinators.subscribeByHandle(coordinator, "amt@" + remote.base().getRawAuthority());
            TestNode.await("the backfill done", Duration.ofSeconds(30),
                    () -> node.count("SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL") == 1);
            TestNode.awaitQuiet(node);

            assertEquals(List.of("search-index"), jobsOf(node, old));
            assertEquals(List.of("notifications", "search-index", "streaming", "topic-groups"), jobsOf(node, recent), "news, as if delivered");
            assertEquals(List.of("search-index", "topic-groups"), jobsOf(node, addressed));
            assertEquals(1, node.count("SELECT count(*) FROM reaction WHERE kind = 'announce' AND actor = '"
                    + node.actorIri("transparenz") + "' AND object_iri = '" + addressed.get("id").asText() + "'"), "and the group it addresses boosted it");
            assertEquals(3, node.count("SELECT count(*) FROM search_document"), "all three searchable");
            assertEquals(3, node.count("SELECT count(*) FROM aggregated_item WHERE via = 'backfill'"), "each with its provenance");
            assertEquals(0, node.count("SELECT count(*) FROM event_job WHERE done IS NULL OR failed IS NOT NULL"), "every job done");
        }
    }

    private static Set<Consumer> wantingHistory(de.allmende.domain.event.DomainEvent event, boolean addressedHere) {
        return Arrays.stream(Consumer.values()).filter(c -> c.wantsHistory(event, addressedHere)).collect(Collectors.toSet());
    }

    private static ObjectNode create(FakeRemote remote, FakeRemote.Actor amt, ObjectNode note) {
        return remote.create(amt, note).without("@context");
    }

    private static List<String> jobsOf(TestNode node, ObjectNode note) {
        return node.node().services().db.dsl().fetch("SELECT j.consumer FROM event_job j JOIN domain_event e ON e.id = j.event_id WHERE e.kind = 'post_created' AND e.subject = '"
                + note.get("id").asText() + "' ORDER BY j.consumer").getValues(0, String.class);
    }
}
