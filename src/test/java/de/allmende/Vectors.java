package de.allmende;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Reads the published test vectors under src/test/resources/vectors (see SOURCES.md there). */
public final class Vectors {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {}

    public static ObjectNode json(String path) {
        try {
            JsonNode node = JSON.readTree(bytes(path));
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text vector, with the trailing newline some of the files have stripped. */
    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8).strip();
    }

    public static byte[] hex(String path) {
        return HexFormat.of().parseHex(text(path));
    }

    private static byte[] bytes(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
