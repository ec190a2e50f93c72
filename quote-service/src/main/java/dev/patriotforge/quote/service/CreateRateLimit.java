package dev.patriotforge.quote.service;

import dev.patriotforge.quote.config.QuoteConfig;
import dev.patriotforge.shared.error.DependencyUnavailable;
import dev.patriotforge.shared.error.RateLimited;
import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * Creates per user: a fixed window counted in Redis, one small key per user ({@code
 * forge:quote:rate:create:<user>}) that expires with its window. Counted before any work, so a
 * limited create changes nothing. Without Redis no create is counted, so none is made: 503.
 */
@ApplicationScoped
public class CreateRateLimit {
    /** Counts one create; answers 0 when it may go ahead, else the window's remaining millis. */
    private static final String COUNT =
            """
            local n = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if n == 1 or ttl < 0 then
                redis.call('PEXPIRE', KEYS[1], ARGV[1])
                ttl = tonumber(ARGV[1])
            end
            if n > tonumber(ARGV[2]) then
                return ttl
            end
            return 0
            """;

    private final RedisDataSource redis;
    private final QuoteConfig.Limits limits;

    public CreateRateLimit(RedisDataSource redis, QuoteConfig config) {
        this.redis = redis;
        this.limits = config.limits();
    }

    /** Counts one create of the user, or 429 {@code rate_limited} with the wait. */
    public void count(UUID userId) {
        long wait;
        try {
            wait =
                    redis.execute(
                                    "EVAL",
                                    COUNT,
                                    "1",
                                    key(userId),
                                    Long.toString(limits.createRateWindow().toMillis()),
                                    Integer.toString(limits.createRate()))
                            .toLong();
        } catch (RuntimeException e) {
            throw new DependencyUnavailable();
        }
        if (wait > 0) {
            throw new RateLimited(Duration.ofSeconds(Math.max(1L, (wait + 999L) / 1000L)));
        }
    }

    /** The counter's key; tests read it. */
    public static String key(UUID userId) {
        return RedisKeys.quote("rate", "create", userId.toString());
    }
}
