package de.allmende.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether the schema already is what this build's migrations ({@code classpath:db/migration}) make it — one query
 * against Flyway's history table. Flyway itself is needed only when something is pending: merely loading it at every
 * start kept about 400 classes in the node's memory (BENCHMARKS.md, "Footprint").
 *
 * <p>"Up to date" is strict: every migration of this build is applied successfully with the same script name and
 * the checksum Flyway computes for it, and nothing else has failed. Anything else (a fresh database, a pending or
 * edited migration, a failed one, a newer schema) goes to Flyway, which migrates, validates or reports as before.
 */
final class Migrations {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.+\\.sql");

    /** A migration as Flyway records it: version, script name, checksum. */
    record Applied(String version, String script, int checksum) {}

    private Migrations() {}

    static boolean upToDate(Connection c) throws SQLException {
        Set<Applied> applied = new HashSet<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                if (!exists.next() || !exists.getBoolean(1)) return false;
            }
            try (ResultSet rows = s.executeQuery("SELECT version, script, checksum, success FROM flyway_schema_history")) {
                while (rows.next()) {
                    if (!rows.getBoolean("success")) return false;
                    if (rows.getString("version") == null) continue; // Flyway's schema marker rows
                    applied.add(new Applied(rows.getString("version"), rows.getString("script"), rows.getInt("checksum")));
                }
            }
        }
        return applied.equals(bundled());
    }

    /** The versioned migrations on the class path, with Flyway's checksums. */
    static Set<Applied> bundled() {
        Set<Applied> migrations = new HashSet<>();
        for (String script : scripts()) {
            Matcher m = VERSIONED.matcher(script);
            if (!m.matches()) continue;
            try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(LOCATION + "/" + script)) {
                migrations.add(new Applied(m.group(1).replace('_', '.'), script, checksum(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return migrations;
    }

    /** Flyway's checksum: CRC-32 over the UTF-8 lines without their line breaks, a leading BOM removed. */
    static int checksum(InputStream script) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line != null && line.startsWith("\uFEFF")) line = line.substring(1);
        for (; line != null; line = lines.readLine()) crc.update(line.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** File names in the migration folder: in the jar, or a directory when run from the build's classes. */
    private static Set<String> scripts() {
        URL folder = Migrations.class.getClassLoader().getResource(LOCATION);
        if (folder == null) return Set.of();
        Set<String> names = new HashSet<>();
        try {
            if (folder.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(true); // the class loader's own open jar, not a second copy
                JarFile jar = connection.getJarFile();
                String prefix = LOCATION + "/";
                for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                    String name = e.getName();
                    if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0 && name.length() > prefix.length()) {
                        names.add(name.substring(prefix.length()));
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    files.forEach(f -> names.add(f.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
