package de.allmende.federation.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hand-written HTTP/1.1 server on loopback for peers that misbehave in ways no real server library
 * would: each accepted connection runs a {@link Script} on its own virtual thread. It notes when the
 * client closed a connection (a read sees the end, or a write fails), so tests can show that nothing of
 * the client's stays open.
 */
final class ScriptedServer implements AutoCloseable {
    /** What the server does with one connection, after the request head was read. */
    @FunctionalInterface
    interface Script {
        void run(Connection connection) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private volatile String lastRequestHead = "";
    private volatile long clientClosedAtNanos;

    private ScriptedServer(ServerSocket socket, Script script) {
        this.socket = socket;
        Thread.ofVirtual().name("scripted-server").start(() -> acceptLoop(script));
    }

    static ScriptedServer start(Script script) {
        return start(InetAddress.getLoopbackAddress(), 0, script);
    }

    static ScriptedServer start(InetAddress address, int port, Script script) {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(address, port));
            return new ScriptedServer(s, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ scripts

    /** A normal answer: 200 with a small JSON body. */
    static final Script OK = c -> c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

    /** Reads the request and never answers. */
    static final Script SILENT = Connection::waitForClientClose;

    /** Announces 100,000 bytes, sends one, then stays silent. */
    static final Script ONE_BYTE_THEN_SILENCE = c -> {
        c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
        c.waitForClientClose();
    };

    /** Announces 100,000 bytes and sends one every 500 ms for as long as the client listens. */
    static final Script DRIP_FEED = c -> {
        c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
        c.writeForever(new byte[] {' '}, Duration.ofMillis(500));
    };

    /** Streams an endless body without Content-Length (ended by closing the connection, were it ever). */
    static final Script ENDLESS_BODY = c -> {
        c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
        c.writeForever(new byte[16 * 1024], Duration.ZERO);
    };

    // ------------------------------------------------------------------ observations

    int port() {
        return socket.getLocalPort();
    }

    URI url(String path) {
        return URI.create("http://" + socket.getInetAddress().getHostAddress() + ":" + port() + path);
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** The request line and headers of the latest request. */
    String lastRequestHead() {
        return lastRequestHead;
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    /** Waits until a client closed a connection it was being answered on; the moment (nanoTime), or -1. */
    long awaitClientClose(Duration timeout) throws InterruptedException {
        return clientClosed.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? clientClosedAtNanos : -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void acceptLoop(Script script) {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s, script));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s, Script script) {
        try (s) {
            Connection c = new Connection(s);
            c.readRequestHead();
            script.run(c);
        } catch (IOException | InterruptedException e) {
            // the client went away; noted where it matters
        }
    }

    /** One accepted connection, as a script sees it. */
    final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        private void readRequestHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) throw new IOException("client closed before the request was complete");
                head.write(b);
            }
            lastRequestHead = head.toString(StandardCharsets.ISO_8859_1);
        }

        void write(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            out.write(bytes);
            out.flush();
            bytesWritten.addAndGet(bytes.length);
        }

        /** Blocks until the client closes the connection, and notes the moment. */
        void waitForClientClose() {
            try {
                while (in.read() >= 0) {
                    // a client has nothing more to send; ignore whatever it does
                }
            } catch (IOException e) {
                // a reset counts as closed too
            }
            noteClientClosed();
        }

        /** Writes {@code chunk} again and again, {@code pause} apart, until the client closes the connection. */
        void writeForever(byte[] chunk, Duration pause) throws InterruptedException {
            try {
                while (true) {
                    out.write(chunk);
                    out.flush();
                    bytesWritten.addAndGet(chunk.length);
                    if (!pause.isZero()) Thread.sleep(pause);
                }
            } catch (IOException e) {
                noteClientClosed();
            }
        }

        private void noteClientClosed() {
            clientClosedAtNanos = System.nanoTime();
            clientClosed.countDown();
        }
    }
}
