package de.allmende.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

@DisplayName("Logging is configured in code as logback.xml configured it: stderr, text or JSON, level from the environment")
class LogSetupTest {

    @Test
    void textAtInfoByDefaultWithChattyLibrariesAtWarn() {
        LoggerContext context = configured(Map.of());
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        var stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertEquals("System.err", stderr.getTarget());
        var text = assertInstanceOf(PatternLayoutEncoder.class, stderr.getEncoder());
        assertEquals("%d{ISO8601} %-5level [%thread] %logger{24} - %msg%n", text.getPattern());
        for (String quiet : new String[]{"io.zonky", "com.zaxxer.hikari", "org.flywaydb", "org.jooq", "io.netty"}) {
            assertEquals(Level.WARN, context.getLogger(quiet).getLevel(), quiet);
        }
    }

    @Test
    void jsonLinesAndTheOperatorsLevel() {
        LoggerContext context = configured(Map.of(LogSetup.FORMAT_ENV, "json", LogSetup.LEVEL_ENV, "debug"));
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.DEBUG, root.getLevel());
        assertInstanceOf(JsonEncoder.class, ((ConsoleAppender<?>) root.getAppender("STDERR")).getEncoder());
    }

    @Test
    void anUnknownLevelIsInfo() {
        assertEquals(Level.INFO, configured(Map.of(LogSetup.LEVEL_ENV, "loud")).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
    }

    private static LoggerContext configured(Map<String, String> env) {
        LoggerContext context = new LoggerContext();
        LogSetup.apply(context, env);
        return context;
    }
}
