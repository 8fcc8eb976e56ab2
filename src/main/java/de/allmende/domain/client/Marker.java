package de.allmende.domain.client;

import java.time.Instant;

/** Where a person last read a timeline ({@code home} or {@code notifications}); the version grows with each save. */
public record Marker(String timeline, String lastReadId, int version, Instant updatedAt) {
    public static final java.util.List<String> TIMELINES = java.util.List.of("home", "notifications");
}
