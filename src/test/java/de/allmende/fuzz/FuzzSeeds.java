package de.allmende.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seed inputs for the fuzz targets, read from the recorded real-world documents and the published
 * test vectors already on the test class path, so the fuzzer starts from what peers really send.
 */
final class FuzzSeeds {
    private FuzzSeeds() {}

    /** Every file under a class-path directory whose name ends with {@code suffix}, sorted by path. */
    static List<byte[]> files(String directory, String suffix) {
        return paths(directory, suffix).stream().map(FuzzSeeds::read).toList();
    }

    /** The class-path names ({@code directory/...}) of the files under a directory that end with {@code suffix}. */
    static List<String> names(String directory, String suffix) {
        Path root = root(directory);
        return paths(directory, suffix).stream()
                .map(p -> directory + "/" + root.relativize(p).toString().replace('\\', '/'))
                .toList();
    }

    private static List<Path> paths(String directory, String suffix) {
        try (Stream<Path> paths = Files.walk(root(directory))) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root(String directory) {
        URL url = FuzzSeeds.class.getResource("/" + directory);
        if (url == null) throw new IllegalArgumentException("no test resource directory " + directory);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One class-path resource as text. */
    static String text(String resource) {
        try (InputStream in = FuzzSeeds.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a resource that start with {@code Name:}, without the name (header values). */
    static Stream<String> headerValues(String resource, String name) {
        return text(resource).lines()
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip());
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
