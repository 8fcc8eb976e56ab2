package de.allmende.api.server;

import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An address whose signed requests keep being refused gets its further refusals slowly (issue 8: a closed loop of
 * forged POSTs must not take the CPU a healthy peer needs); other addresses, and accepted requests from the same
 * address, are not slowed.
 */
@DisplayName("Refusals for an address that keeps being refused are answered slowly")
class RefusalPenaltyTest {
    private static final int BUDGET = de.allmende.config.HttpLimits.defaults().refusalsPerAddressPerSecond();
    private static TestNode node;
    private static FakeRemote remote;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
    }

    @AfterAll
    static void stop() {
        remote.close();
        node.close();
    }

    @Test
    @DisplayName("beyond the budget a refusal takes half a second; another address and an accepted POST do not wait")
    void slowsOnlyTheRefusedAddress() throws Exception {
        HttpClient attacker = client("127.0.0.2"), bystander = client("127.0.0.3");
        FakeRemote.Actor bob = remote.actor("bob");
        assertEquals(202, remote.post(URI.create(node.url() + "/inbox"), remote.createNote(bob, "vorher")).rfc9421Ed25519().send().status(),
                "bob's key is known before the refusals start");
        List<Long> attackerMillis = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int worker = 0; worker < 20; worker++) { // a closed loop on 20 connections, as an attacker runs it
                sent.add(pool.submit(() -> {
                    for (int i = 0; i < BUDGET / 5; i++) attackerMillis.add(unsignedPost(attacker));
                }));
            }
            for (Future<?> f : sent) f.get();
        }
        long slowed = attackerMillis.stream().filter(ms -> ms >= RefusalPenalty.DELAY.toMillis() - 50).count();
        assertTrue(slowed >= BUDGET / 2, "refusals beyond the budget are held back: " + slowed + " of " + attackerMillis.size());

        // The attacker's address is over its budget now; a bystander is not.
        assertTrue(unsignedPost(bystander) < RefusalPenalty.DELAY.toMillis() - 50, "another address is answered at once");
        // A request from the penalised address that verifies is not slowed.
        long t0 = System.nanoTime();
        assertEquals(202, accepted(attacker, bob, "angenommen"));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < RefusalPenalty.DELAY.toMillis(), "an accepted POST is not held");
    }

    private static int accepted(HttpClient client, FakeRemote.Actor actor, String text) throws Exception {
        HttpRequest signed = remote.post(URI.create(node.url() + "/inbox"), remote.createNote(actor, text)).rfc9421Ed25519().prepare();
        return client.send(signed, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long unsignedPost(HttpClient client) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + "/inbox")).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Create\"}")).build();
        long t0 = System.nanoTime();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(401, status);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    private static HttpClient client(String localAddress) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName(localAddress))
                .connectTimeout(Duration.ofSeconds(2)).build();
    }
}
