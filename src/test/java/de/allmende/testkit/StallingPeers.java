package de.allmende.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hostile peers, each its own host (port) on loopback: they read a request head, answer with headers that
 * promise {@code Content-Length: 100000}, send one byte and then nothing, holding the connection until closed —
 * as an attacker's inbox or key server would. Counts the requests that reached them.
 */
public final class StallingPeers implements AutoCloseable {
    private final List<ServerSocket> servers = new ArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private StallingPeers() {}

    public static StallingPeers start(int hosts) {
        StallingPeers peers = new StallingPeers();
        try {
            for (int i = 0; i < hosts; i++) {
                ServerSocket server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
                peers.servers.add(server);
                Thread.ofVirtual().name("stalling-peer").start(() -> peers.accept(server));
            }
        } catch (IOException e) {
            peers.close();
            throw new IllegalStateException(e);
        }
        return peers;
    }

    /** Base URL of host {@code i}. */
    public String host(int i) {
        return "http://127.0.0.1:" + servers.get(i).getLocalPort();
    }

    /** One actor IRI per host, as followers of a node. */
    public List<URI> actors(String prefix) {
        List<URI> actors = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) actors.add(URI.create(host(i) + "/users/" + prefix + i));
        return actors;
    }

    public int requests() {
        return requests.get();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                held.add(s);
                Thread.ofVirtual().start(() -> stall(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void stall(Socket s) {
        try {
            InputStream in = s.getInputStream();
            int matched = 0;
            for (int b; matched < 4 && (b = in.read()) >= 0; ) matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            requests.incrementAndGet();
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/activity+json\r\nContent-Length: 100000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (in.read() >= 0) {
                // hold the connection; the client's body, if any, is swallowed
            }
        } catch (IOException e) {
            // the client gave up: what a hardened client should do
        }
    }

    @Override
    public void close() {
        for (ServerSocket s : servers) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Socket s : held) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
