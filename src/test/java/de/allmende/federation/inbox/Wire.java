package de.allmende.federation.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, byte for byte as a probe means it (no client library fixing up Host,
 * Content-Length or header values), one request per connection, timed from connect to the last byte
 * of the answer.
 */
final class Wire {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length: *(\\d+)\r?$");
    private static final Pattern CHUNKED = Pattern.compile("(?im)^transfer-encoding: *chunked\r?$");

    private Wire() {}

    /**
     * A request as it goes on the wire. {@code body}: the content as the application sees it (not
     * chunk-encoded); {@code halfClose}: shut our side after writing, for framing the node cannot complete.
     */
    record Request(String method, byte[] bytes, byte[] body, boolean halfClose) {
        String head() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }

    /** The node's answer; status 0 if none came ({@code error} says why). */
    record Answer(int status, String head, String body, long nanos, String error) {
        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *(.*?)\r?$").matcher(head);
            return m.find() ? m.group(1) : null;
        }

        double millis() {
            return nanos / 1e6;
        }
    }

    /** A request put together header by header; nothing is added that the probe did not ask for, except framing. */
    static final class Builder {
        private final String method;
        private final String target;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean contentLength = true;
        private boolean close = true;

        private Builder(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Builder header(String name, String value) {
            headers.add(new String[]{name, value});
            return this;
        }

        Builder headers(List<String[]> lines) {
            lines.forEach(l -> header(l[0], l[1]));
            return this;
        }

        Builder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        /** Sends no Content-Length (the probe frames the body itself, or has none). */
        Builder noContentLength() {
            this.contentLength = false;
            return this;
        }

        /** Leaves out {@code Connection: close}. */
        Builder keepAlive() {
            this.close = false;
            return this;
        }

        Request build() {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            for (String[] h : headers) head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            boolean hasLength = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("content-length"));
            if (contentLength && !hasLength && (body.length > 0 || method.equals("POST"))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            if (close) head.append("Connection: close\r\n");
            head.append("\r\n");
            // UTF-8: what a client sends for non-ASCII; raw single bytes go through Wire.raw.
            byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return new Request(method, all, body, false);
        }
    }

    static Builder request(String method, String target) {
        return new Builder(method, target);
    }

    /**
     * Exactly these bytes (ISO-8859-1, so each char is one byte). {@code halfClose}: shut our side after
     * writing, for framing the node cannot complete (else it would wait for the rest until its timeout).
     */
    static Request raw(String method, String bytes, boolean halfClose) {
        return raw(method, bytes, halfClose, new byte[0]);
    }

    /** As {@link #raw(String, String, boolean)}, with the content the framing carries. */
    static Request raw(String method, String bytes, boolean halfClose, byte[] content) {
        return new Request(method, bytes.getBytes(StandardCharsets.ISO_8859_1), content, halfClose);
    }

    /** Sends the request to 127.0.0.1:{@code port} on a fresh connection; gives up after {@code timeout}. */
    static Answer send(int port, Request r, Duration timeout) {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            String writeError = null;
            try {
                OutputStream out = s.getOutputStream();
                out.write(r.bytes());
                out.flush();
                if (r.halfClose()) s.shutdownOutput();
            } catch (IOException e) {
                writeError = "write: " + e.getMessage(); // the node may answer and close before reading all (413)
            }
            return parse(readAnswer(s.getInputStream(), r.method()), System.nanoTime() - start, writeError);
        } catch (IOException e) {
            return new Answer(0, "", "", System.nanoTime() - start, e.toString());
        }
    }

    private record Read(byte[] bytes, String error) {}

    private static Read readAnswer(InputStream in, String method) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) > 0) {
                buf.write(chunk, 0, n);
                if (complete(buf.toByteArray(), method)) break;
            }
            return new Read(buf.toByteArray(), null);
        } catch (SocketTimeoutException e) {
            return new Read(buf.toByteArray(), "no complete answer before the timeout");
        } catch (IOException e) {
            return new Read(buf.toByteArray(), "read: " + e.getMessage());
        }
    }

    /** Whether the final (non-1xx) answer has fully arrived. */
    private static boolean complete(byte[] bytes, String method) {
        String text = finalAnswer(new String(bytes, StandardCharsets.ISO_8859_1));
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) return false;
        String head = text.substring(0, headEnd);
        if (method.equals("HEAD") || head.startsWith("HTTP/1.1 204") || head.startsWith("HTTP/1.1 304")) return true;
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) return text.length() - headEnd - 4 >= Long.parseLong(length.group(1));
        return CHUNKED.matcher(head).find() && text.endsWith("0\r\n\r\n");
    }

    /** Skips interim answers (100 Continue). */
    private static String finalAnswer(String text) {
        while (text.startsWith("HTTP/1.1 1") && text.indexOf("\r\n\r\n") > 0) text = text.substring(text.indexOf("\r\n\r\n") + 4);
        return text;
    }

    private static Answer parse(Read read, long nanos, String writeError) {
        String text = finalAnswer(new String(read.bytes(), StandardCharsets.ISO_8859_1));
        int headEnd = text.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
        int status = 0;
        if (head.length() >= 12 && head.startsWith("HTTP/")) {
            try {
                status = Integer.parseInt(head.substring(9, 12));
            } catch (NumberFormatException e) {
                status = 0;
            }
        }
        String error = status != 0 ? null : read.error() != null ? read.error() : writeError != null ? writeError : "closed without an answer";
        return new Answer(status, head, body.length() > 4096 ? body.substring(0, 4096) : body, nanos, error);
    }

    /** Header lines as a case-insensitive lookup, for signing. */
    static List<String> values(List<String[]> lines, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return lines.stream().filter(l -> l[0].toLowerCase(Locale.ROOT).equals(n)).map(l -> l[1]).toList();
    }
}
