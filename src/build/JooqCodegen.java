import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Build step: generates jOOQ classes from db/migration against a throw-away embedded PostgreSQL 18,
 * so building needs no database server. Runs with the JDK's single-file source launcher from Maven
 * (exec-maven-plugin, generate-sources). Skips itself when neither the migrations nor this file changed.
 */
public class JooqCodegen {
    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path migrations = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path stamp = out.resolve(".migrations.sha256");
        String hash = hashOf(migrations, Path.of(args[2])); // the migrations and this generator's own settings
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("[jooq-codegen] migrations and generator unchanged, skipping");
            return;
        }
        Path tmp = Files.createTempDirectory("allmende-codegen");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(tmp.resolve("pg")).setCleanDataDirectory(true)
                .setServerConfig("fsync", "off").start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "")
                    .locations("filesystem:" + migrations.toAbsolutePath()).load().migrate();
            deleteRecursively(out);
            GenerationTool.generate(new Configuration()
                    .withLogging(Logging.WARN)
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withExcludes("flyway_schema_history"))
                            // No routines (btree_gin's ninety functions and our two, all called from SQL only) and
                            // no implicit join paths (the stores join explicitly): 23,000 lines nobody compiles against.
                            .withGenerate(new Generate().withJavaTimeTypes(true).withRecords(true)
                                    .withPojos(false).withDaos(false).withFluentSetters(true)
                                    .withRoutines(false).withImplicitJoinPathsToOne(false).withImplicitJoinPathsToMany(false)
                                    .withImplicitJoinPathsManyToMany(false))
                            .withTarget(new Target().withPackageName("de.allmende.db").withDirectory(out.toString()))));
            Files.writeString(stamp, hash);
        }
    }

    private static String hashOf(Path dir, Path generator) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Files.readAllBytes(generator));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void deleteRecursively(Path p) throws Exception {
        if (!Files.exists(p)) return;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
