package de.allmende.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The tuned JVM as a child process, where this JVM cannot replace itself (Java 21): output goes straight
 * to the terminal, SIGTERM to this JVM reaches the child (which finishes its requests, see ServeCommand),
 * and the child ends when this JVM is killed outright.
 */
final class ChildJvm {
    private ChildJvm() {}

    /** Runs the command to its end and returns its exit code. */
    static int run(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            awaitExit(child);
        }, "allmende-stop-child"));
        return awaitExit(child);
    }

    /** In the child: a parent that is gone (kill -9) ends this JVM too, gracefully, so the port and the database are freed. */
    static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(ErrorHandler.FAILURE)));
    }

    private static int awaitExit(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the node must not outlive its launcher unnoticed
            }
        }
    }
}
