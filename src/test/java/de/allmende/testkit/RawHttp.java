package de.allmende.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: raw bytes in the
 * request line, an empty Host, a malformed header. One request per connection.
 */
public final class RawHttp {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    private RawHttp() {}

    /** An answer: the status (0 if none arrived), the header block and the body, decoded as ISO-8859-1. */
    public record Answer(int status, String head, String body) {
        public String raw() { return head + "\r\n\r\n" + body; }

        /** The first value of a header, or null (case-insensitive name). */
        public String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *(.*?)\r?$").matcher(head);
            return m.find() ? m.group(1) : null;
        }

        @Override
        public String toString() {
            return raw().length() > 600 ? raw().substring(0, 600) + "…" : raw();
        }
    }

    /** Sends {@code request} (the whole request, ISO-8859-1 bytes) to 127.0.0.1:{@code port} and reads the answer. */
    public static Answer send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(int port, byte[] request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            return parse(readAnswer(s.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request with {@code Connection: close} and, if {@code body} is not null, its Content-Length. */
    public static String request(String method, String target, String host, String headers, String body) {
        StringBuilder b = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (host != null) b.append("Host: ").append(host).append("\r\n");
        b.append(headers);
        if (body != null) b.append("Content-Length: ").append(body.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n");
        return b.append("Connection: close\r\n\r\n").append(body == null ? "" : body).toString();
    }

    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        try {
            while ((n = in.read(chunk)) > 0) {
                buf.write(chunk, 0, n);
                if (complete(buf.toByteArray())) break;
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // whatever arrived is the answer
        }
        return buf.toByteArray();
    }

    private static boolean complete(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (headerEnd < 0) return false;
        Matcher m = CONTENT_LENGTH.matcher(text.substring(0, headerEnd));
        return m.find() && response.length - headerEnd - 4 >= Integer.parseInt(m.group(1));
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
        int status = head.length() >= 12 && head.startsWith("HTTP/") ? Integer.parseInt(head.substring(9, 12)) : 0;
        return new Answer(status, head, body);
    }
}
