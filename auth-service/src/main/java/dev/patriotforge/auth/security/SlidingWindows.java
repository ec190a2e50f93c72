package dev.patriotforge.auth.security;

import dev.patriotforge.shared.error.DependencyUnavailable;
import dev.patriotforge.shared.error.RateLimited;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sliding-window limits in Redis (a sorted set of timestamps per key), shared by every instance. A
 * request is counted before the work it limits; when Redis cannot count it, the request is refused
 * with 503 (fail closed).
 */
@ApplicationScoped
public class SlidingWindows {
    private static final Logger LOG = Logger.getLogger(SlidingWindows.class);

    /** ARGV: window ms, limit, mode (check | record | consume), member. Returns ms to wait. */
    private static final String SLIDING_WINDOW =
            """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local window = tonumber(ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if ARGV[3] ~= 'record' then
              if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
                local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
                local wait = tonumber(oldest[2]) + window - now
                if wait < 1 then wait = 1 end
                return wait
              end
            end
            if ARGV[3] ~= 'check' then
              redis.call('ZADD', KEYS[1], now, ARGV[4])
              redis.call('PEXPIRE', KEYS[1], window)
            end
            return 0
            """;

    private final RedisDataSource redis;

    public SlidingWindows(RedisDataSource redis) {
        this.redis = redis;
    }

    /** Takes one from the key's allowance, or 429 {@code rate_limited} with Retry-After. */
    public void consume(String key, int limit, Duration window) {
        long wait = run(key, limit, window);
        if (wait > 0) {
            throw new RateLimited(roundUp(wait));
        }
    }

    /** Takes one from the key's allowance; false (and nothing counted) when it is used up. */
    public boolean tryConsume(String key, int limit, Duration window) {
        return run(key, limit, window) == 0;
    }

    private long run(String key, int limit, Duration window) {
        return call(
                () ->
                        redis.execute(
                                        "EVAL",
                                        SLIDING_WINDOW,
                                        "1",
                                        key,
                                        Long.toString(window.toMillis()),
                                        Integer.toString(limit),
                                        "consume",
                                        UUID.randomUUID().toString())
                                .toLong());
    }

    /** Whole seconds, rounded up, so that Retry-After never invites an early retry. */
    static Duration roundUp(long millis) {
        return Duration.ofSeconds(Math.max(1L, (millis + 999L) / 1000L));
    }

    static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            LOG.warnf("Redis is unavailable for the request limits: %s", e.getClass().getName());
            LOG.debug("Redis failure", e);
            throw new DependencyUnavailable();
        }
    }
}
