package de.allmende.domain.post;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The poll of a Question: its options with the votes its author's server counted, whether several may be chosen,
 * when it ends (or ended: {@code closed}) and how many accounts voted.
 */
public record PollFacts(boolean multiple, List<Option> options, Optional<Instant> endTime, Optional<Instant> closed,
                        Optional<Integer> votersCount) {
    public PollFacts {
        options = List.copyOf(options);
    }

    public record Option(String title, int votes) {}

    /** Ended: closed by its author, or past its end. */
    public boolean expired(Instant now) {
        return closed.isPresent() || endTime.map(now::isAfter).orElse(false);
    }
}
