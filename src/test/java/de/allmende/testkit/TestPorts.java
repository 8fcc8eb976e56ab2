package de.allmende.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for nodes a test starts on a port it must know beforehand (its public URL names it).
 *
 * <p>A port taken with {@code bind(0)} and released comes from the kernel's ephemeral range (32768-60999
 * on Linux), and until the node binds it anything may take it: a peer or PostgreSQL binding port 0, in
 * this JVM or in the other test JVM that runs alongside. That happened ("port ... is already in use") once
 * two forks ran at a time. So tests take ports below that range, which the kernel never hands out on its
 * own: each test JVM from its own slice (by surefire's fork number), from a random start, and only ports
 * that bind.
 */
final class TestPorts {
    private static final int FIRST = 20_000;
    private static final int SLICES = 4;
    private static final int SLICE = (32_768 - FIRST) / SLICES;
    private static final int SLICE_START = FIRST + SLICE * slice();
    private static int next = ThreadLocalRandom.current().nextInt(SLICE);

    private TestPorts() {}

    static synchronized int free() {
        for (int tries = 0; tries < SLICE; tries++) {
            int port = SLICE_START + next;
            next = (next + 1) % SLICE;
            if (bindable(port)) return port;
        }
        throw new IllegalStateException("no free port in " + SLICE_START + "-" + (SLICE_START + SLICE - 1));
    }

    private static boolean bindable(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Surefire numbers its forks 1, 2, … (pom.xml passes it on); outside surefire (an IDE) any slice will do. */
    private static int slice() {
        String fork = System.getProperty("allmende.test.fork", "");
        if (!fork.matches("\\d+")) return ThreadLocalRandom.current().nextInt(SLICES);
        return (Integer.parseInt(fork) - 1) % SLICES;
    }
}
