package de.allmende.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.List;
import java.util.Map;

/**
 * Logback's configuration, in code: text or JSON lines on stderr ({@code ALLMENDE_LOG_FORMAT}), the root level from
 * {@code ALLMENDE_LOG_LEVEL}, chatty libraries at WARN. In code rather than logback.xml because reading XML
 * (Joran and the JDK's XML parser) loads about 600 classes that stay in the node's memory for good
 * (BENCHMARKS.md, "Footprint"). Found by logback through {@code META-INF/services}; an operator's own file
 * ({@code -Dlogback.configurationFile=…}) still wins.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    public static final String FORMAT_ENV = "ALLMENDE_LOG_FORMAT";
    public static final String LEVEL_ENV = "ALLMENDE_LOG_LEVEL";
    private static final List<String> QUIET = List.of("io.zonky", "com.zaxxer.hikari", "org.flywaydb", "org.jooq", "io.netty");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        apply(context, System.getenv());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void apply(LoggerContext context, Map<String, String> env) {
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder(context, env.getOrDefault(FORMAT_ENV, "text")));
        stderr.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(env.getOrDefault(LEVEL_ENV, "INFO"), Level.INFO));
        root.addAppender(stderr);
        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if ("json".equalsIgnoreCase(format)) {
            JsonEncoder json = new JsonEncoder(); // one JSON object per line
            json.setContext(context);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%d{ISO8601} %-5level [%thread] %logger{24} - %msg%n");
        text.start();
        return text;
    }
}
