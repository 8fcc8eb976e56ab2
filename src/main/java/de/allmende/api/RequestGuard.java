package de.allmende.api;

import de.allmende.support.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The first handler of every request: a path or query that is not well-formed percent-encoded UTF-8,
 * or a path with control characters (NUL above all, which PostgreSQL refuses), is a 400 before any
 * route matches — Vert.x would otherwise throw while matching, and a handler could carry the NUL into
 * a query. Runs before routing, so no route can forget it.
 */
public final class RequestGuard implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        Optional<String> decodedPath = decode(path == null ? "" : path, false);
        if (decodedPath.isEmpty()) throw ApiException.badRequest("malformed path");
        if (hasControlCharacter(decodedPath.get())) throw ApiException.badRequest("path contains control characters");
        String query = ctx.request().query();
        if (query != null) {
            Optional<String> decodedQuery = decode(query, true);
            if (decodedQuery.isEmpty()) throw ApiException.badRequest("malformed query");
            if (decodedQuery.get().indexOf('\0') >= 0) throw ApiException.badRequest("query contains a NUL character");
        }
        ctx.next();
    }

    /** Strict percent-decoding: every escape is two hex digits, the bytes are valid UTF-8; else empty. */
    static Optional<String> decode(String raw, boolean plusIsSpace) {
        byte[] out = new byte[raw.length() * 3];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return Optional.empty();
                int hi = Character.digit(raw.charAt(i + 1), 16), lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return Optional.empty();
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out[n++] = ' ';
            } else if (c <= 0xff) {
                out[n++] = (byte) c; // HTTP/1.1 request lines arrive byte by byte, one char per byte
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) out[n++] = b;
            }
        }
        return strictUtf8(java.util.Arrays.copyOf(out, n));
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) return true;
        }
        return false;
    }
}
