package de.allmende.api.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** WebSocket frames written and read by hand, for what no well-behaved client library sends. */
final class RawFrames {
    private RawFrames() {}

    /** One masked text frame (RFC 6455 §5.2) of a short message, as a client must send it. */
    static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) throw new IllegalArgumentException("short messages only");
        byte[] mask = {0x12, 0x34, 0x56, 0x78};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81; // FIN, text
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        return frame;
    }

    /** Everything read until {@code marker} appears (as ISO-8859-1 text); fails on end of stream or timeout. */
    static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!seen.toString().contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) throw new AssertionError("connection ended before " + marker + ": " + seen);
            seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return seen.toString();
    }
}
