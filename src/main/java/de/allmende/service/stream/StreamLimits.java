package de.allmende.service.stream;

import java.time.Duration;

/**
 * What one process grants streaming clients, so that 2,000 open streams stay cheap and none can take more:
 *
 * @param perToken     open streams one token may hold (apps open a few: home, notifications, a hashtag)
 * @param perAddress   open streams one client address may hold
 * @param queueBytes   bytes written but not yet taken by the client; beyond, the client is too slow and is closed
 * @param heartbeat    how often an idle stream gets a heartbeat (below the server's idle timeout)
 * @param recheck      how often the tokens of open streams are checked again (a revoked token's streams end)
 */
public record StreamLimits(int perToken, int perAddress, int queueBytes, Duration heartbeat, Duration recheck) {
    public static final StreamLimits DEFAULTS = new StreamLimits(16, 200, 256 * 1024, Duration.ofSeconds(15), Duration.ofSeconds(60));
}
