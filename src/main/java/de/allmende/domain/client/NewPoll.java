package de.allmende.domain.client;

import java.time.Duration;
import java.util.List;

/**
 * A poll an app posts with a status ({@code poll[options][]}, {@code poll[expires_in]}, {@code poll[multiple]},
 * {@code poll[hide_totals]}), checked against the limits the instance tells apps. {@code hideTotals} is taken and not
 * honoured yet: counts show while the poll runs.
 */
public record NewPoll(List<String> options, Duration expiresIn, boolean multiple, boolean hideTotals) {
    public NewPoll {
        options = List.copyOf(options);
    }
}
