package de.allmende.domain.coordinator;

import java.net.URI;
import java.util.Optional;

/** A municipality a coordinator aggregates, and how far the backfill of its outbox has come. */
public record Subscription(URI municipality, int pagesDone, int itemsDone, Backfill backfill, Optional<String> lastError) {
    public enum Backfill { RUNNING, DONE, FAILED }
}
