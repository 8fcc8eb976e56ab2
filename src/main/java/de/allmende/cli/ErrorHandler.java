package de.allmende.cli;

import de.allmende.config.ConfigException;
import de.allmende.crypto.KeyException;
import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import picocli.CommandLine;

/** Turns known failures into one clear line each and a non-zero exit code; unknown ones keep their trace. */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    public static final int INVALID_INPUT = 2;
    public static final int CONFIGURATION = 3;
    public static final int KEYS = 4;
    public static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        switch (e) {
            case ValidationException v -> {
                for (FieldError fe : v.errors()) err.println("error: --" + fe.field() + ": " + fe.message());
                return INVALID_INPUT;
            }
            case ConfigException c -> {
                err.println("configuration error: " + c.getMessage());
                return CONFIGURATION;
            }
            case KeyException k -> {
                err.println("key error: " + k.getMessage());
                return KEYS;
            }
            case IllegalStateException s when s.getMessage() != null -> {
                err.println("error: " + s.getMessage());
                return FAILURE;
            }
            default -> {
                err.println("error: " + e);
                e.printStackTrace(err);
                return FAILURE;
            }
        }
    }
}
