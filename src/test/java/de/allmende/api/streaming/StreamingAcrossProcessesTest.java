package de.allmende.api.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.db.Notifications;
import de.allmende.domain.people.Role;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.StreamingClient;
import de.allmende.testkit.StreamingClient.Event;
import de.allmende.testkit.StreamingClient.Socket;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Two node processes on one database, as a municipality runs several behind a load balancer: a post received by
 * one reaches streaming clients connected to either, since every process hears the stream messages on a
 * connection of its own; when that connection drops, the process listens again.
 */
@DisplayName("Streaming across two node processes on one database")
class StreamingAcrossProcessesTest {
    private static final Duration WITHIN = Duration.ofSeconds(3);
    private static TestNode a;
    private static TestNode b;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static String token;
    private static StreamingClient clients;

    @BeforeAll
    static void start() {
        int port = TestNode.freePort();
        a = TestNode.start("http://127.0.0.1:" + port, port, Map.of());
        b = a.sibling(Map.of());
        a.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        MastodonApp.person(a, "kaemmerin", "musterstadt", Role.EDITOR);
        token = MastodonApp.register(a, "https://app.example/callback", "read").login("kaemmerin", "read");
        clients = new StreamingClient();
        StreamingScenes.follow(a, remote, anna, "musterstadt");
    }

    @AfterAll
    static void stop() {
        if (clients != null) clients.close();
        if (remote != null) remote.close();
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @Test
    @DisplayName("a post delivered to process A reaches user streams on A and on B")
    void postReachesBothProcesses() {
        Socket onA = clients.socket(a, "stream=user", Map.of("Authorization", "Bearer " + token));
        Socket onB = clients.socket(b, "stream=user", Map.of("Authorization", "Bearer " + token));
        ObjectNode create = remote.createNote(anna, "<p>an alle Prozesse</p>");
        StreamingScenes.deliver(a, remote, create);
        String uri = create.at("/object/id").asText();
        Event onBEvent = onB.next(WITHIN);
        assertNotNull(onBEvent, "nothing reached process B");
        assertEquals(uri, onBEvent.json().path("uri").asText());
        assertEquals(uri, onA.next(WITHIN).json().path("uri").asText());
        onA.ws.close();
        onB.ws.close();
    }

    @Test
    @DisplayName("when its listening connection is cut, a process listens again and streams go on")
    void listenerReconnects() {
        Socket onB = clients.socket(b, "stream=user", Map.of("Authorization", "Bearer " + token));
        String listeners = "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + Notifications.APPLICATION_NAME + "' AND datname = current_database()";
        TestNode.await("both processes listen", () -> a.count(listeners) == 2);
        long first = a.count(listeners.replace("count(*)", "min(pid)")), second = a.count(listeners.replace("count(*)", "max(pid)"));
        a.count(listeners.replace("count(*)", "count(pg_terminate_backend(pid))"));
        TestNode.await("both processes listen again, on new connections", Duration.ofSeconds(10),
                () -> a.count(listeners + " AND pid NOT IN (" + first + ", " + second + ")") == 2);
        String uri = StreamingScenes.post(a, remote, anna, "<p>nach der Unterbrechung</p>", java.util.List.of(StreamingScenes.PUBLIC), java.util.List.of());
        Event e = onB.next(WITHIN);
        assertNotNull(e, "nothing reached process B after it listened again");
        assertEquals(uri, e.json().path("uri").asText());
        onB.ws.close();
    }
}
