package de.allmende.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @Test
    void defaultsGiveALocalDevelopmentNodeOnTheEmbeddedDatabase() {
        NodeConfig c = ConfigLoader.load(Map.of());
        assertEquals("http://localhost:8080", c.publicUrl().toString());
        assertEquals(8080, c.httpPort());
        assertTrue(c.database().isEmpty(), "no URL → embedded PostgreSQL");
        assertEquals(c.dataDir().resolve("master-key.json"), c.masterKeyFile());
        assertEquals("localhost:8080", c.domain());
        assertEquals(java.time.Duration.ofMinutes(2), c.deliveryLease());
    }

    @Test
    void externalDatabaseAndPublicHttpsUrl() {
        NodeConfig c = ConfigLoader.load(Map.of("ALLMENDE_PUBLIC_URL", "https://Kommune.Example/",
                "ALLMENDE_DATABASE_URL", "postgres://db:5432/allmende", "ALLMENDE_DATABASE_PASSWORD", "pw"));
        assertEquals("https://kommune.example", c.publicUrl().toString());
        assertEquals("jdbc:postgresql://db:5432/allmende", c.database().orElseThrow().jdbcUrl());
        assertTrue(!c.database().get().toString().contains("pw"), "password never printed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALLMENDE_PUBLIC_URL|http://kommune.example|ALLMENDE_PUBLIC_URL: plain http is only allowed for loopback hosts",
            "ALLMENDE_PUBLIC_URL|https://kommune.example/path|ALLMENDE_PUBLIC_URL: must be scheme://host[:port] without path",
            "ALLMENDE_PUBLIC_URL|ftp://kommune.example|ALLMENDE_PUBLIC_URL: must be https://host[:port]",
            "ALLMENDE_PUBLIC_URL|https://|ALLMENDE_PUBLIC_URL:",
            "ALLMENDE_HTTP_PORT|eighty|ALLMENDE_HTTP_PORT: must be a whole number",
            "ALLMENDE_HTTP_PORT|70000|ALLMENDE_HTTP_PORT: must be between 0 and 65535",
            "ALLMENDE_DATABASE_URL|mysql://db/x|ALLMENDE_DATABASE_URL: must be jdbc:postgresql://",
            "ALLMENDE_KEY_GRACE_DAYS|-1|ALLMENDE_KEY_GRACE_DAYS: must be between",
            "ALLMENDE_ALLOW_PRIVATE_NETWORKS|maybe|ALLMENDE_ALLOW_PRIVATE_NETWORKS: must be true or false",
            "ALLMENDE_DELIVERY_LEASE_SECONDS|0|ALLMENDE_DELIVERY_LEASE_SECONDS: must be between 1 and 3600",
    })
    void invalidSettingsFailWithOneLineNamingTheSetting(String key, String value, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(key, value)));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @CsvSource({"http://localhost:8080", "http://127.0.0.1:9000", "http://[::1]:8080"})
    void plainHttpIsFineOnLoopback(String url) {
        assertEquals(url, ConfigLoader.load(Map.of("ALLMENDE_PUBLIC_URL", url)).publicUrl().toString());
    }

    @Test
    void configFileSetsTheSameKeysAndTheEnvironmentWins() throws Exception {
        Path file = Files.createTempFile("allmende", ".properties");
        Files.writeString(file, "ALLMENDE_PUBLIC_URL=https://file.example\nALLMENDE_HTTP_PORT=9000\n");
        NodeConfig c = ConfigLoader.load(Map.of("ALLMENDE_CONFIG", file.toString(), "ALLMENDE_HTTP_PORT", "9100"));
        assertEquals("https://file.example", c.publicUrl().toString());
        assertEquals(9100, c.httpPort());
    }

    @Test
    void unknownKeysInTheConfigFileAreRejected() throws Exception {
        Path file = Files.createTempFile("allmende", ".properties");
        Files.writeString(file, "ALLMENDE_PUBLIK_URL=https://typo.example\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("ALLMENDE_CONFIG", file.toString())));
        assertTrue(e.getMessage().contains("unknown setting 'ALLMENDE_PUBLIK_URL'"));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("ALLMENDE_CONFIG", "/nonexistent/file")));
    }
}
