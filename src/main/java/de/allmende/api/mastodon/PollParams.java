package de.allmende.api.mastodon;

import de.allmende.domain.client.NewPoll;
import de.allmende.service.InstanceFacts;
import de.allmende.support.ApiException;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The poll of a status an app posts ({@code poll[options][]}, {@code poll[expires_in]}, {@code poll[multiple]},
 * {@code poll[hide_totals]}; form or JSON), checked against the limits the instance configuration tells apps
 * ({@link InstanceFacts#nodeLimits()}), with Mastodon's messages (PollValidator).
 */
final class PollParams {
    private PollParams() {}

    static boolean present(ClientParams p) {
        return p.get("poll") != null || !p.items("poll[options]").isEmpty() || p.get("poll[expires_in]") != null;
    }

    static Optional<NewPoll> read(ClientParams p) {
        if (!present(p)) return Optional.empty();
        InstanceFacts.Limits limits = InstanceFacts.nodeLimits();
        List<String> options = p.items("poll[options]").stream().map(String::strip).toList();
        if (options.size() < 2) throw invalid("Poll must have more than one option");
        if (options.size() > limits.maxPollOptions()) throw invalid("Poll can't contain more than " + limits.maxPollOptions() + " options");
        if (options.stream().anyMatch(String::isEmpty)) throw invalid("Poll options can't be blank");
        if (options.stream().anyMatch(o -> o.codePointCount(0, o.length()) > limits.maxPollOptionCharacters())) {
            throw invalid("Poll options can't be longer than " + limits.maxPollOptionCharacters() + " characters");
        }
        if (new HashSet<>(options).size() < options.size()) throw invalid("Poll options contain duplicate items");
        String expiresIn = p.get("poll[expires_in]");
        if (expiresIn == null || expiresIn.isBlank()) throw invalid("Poll expires_in can't be blank");
        long seconds;
        try {
            seconds = Long.parseLong(expiresIn.strip());
        } catch (NumberFormatException e) {
            throw invalid("Poll expires_in is a number of seconds");
        }
        if (seconds < limits.minPollSeconds()) throw invalid("Poll expiration is too soon (at least " + limits.minPollSeconds() + " seconds)");
        if (seconds > limits.maxPollSeconds()) throw invalid("Poll expiration is too far into the future (at most " + limits.maxPollSeconds() + " seconds)");
        return Optional.of(new NewPoll(options, Duration.ofSeconds(seconds), flag(p, "poll[multiple]"), flag(p, "poll[hide_totals]")));
    }

    private static boolean flag(ClientParams p, String name) {
        return StatusWritesHandler.bool(p.get(name)).orElse(false);
    }

    private static ApiException invalid(String message) {
        return ApiException.unprocessable("Validation failed: " + message);
    }
}
