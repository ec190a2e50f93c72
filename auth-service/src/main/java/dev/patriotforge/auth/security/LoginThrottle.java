package dev.patriotforge.auth.security;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.shared.error.DependencyUnavailable;
import dev.patriotforge.shared.error.RateLimited;
import dev.patriotforge.shared.error.TooManyAttempts;
import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Brute-force limits, kept in Redis so that every instance shares them:
 *
 * <ul>
 *   <li>per account: consecutive failed logins; at the configured maximum the account is locked for
 *       the lockout duration, and every login for it gets 429 {@code too_many_attempts}, even with
 *       the right password. A success resets the count. Accounts are keyed by the SHA-256 of the
 *       email, so that Redis holds no addresses and unknown emails lock the same way.
 *   <li>per client IP: failed logins and registrations in a sliding window (a sorted set of
 *       timestamps); beyond the limit, 429 {@code rate_limited}.
 * </ul>
 *
 * Each step is one Lua script, so concurrent requests cannot race past a limit. Redis being
 * unreachable is a 503: the limits fail closed.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    private static final String RECORD_FAILURE =
            """
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            if n >= tonumber(ARGV[2]) then
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """;

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
    private final AuthConfig.Lockout lockout;
    private final AuthConfig.Ip ip;

    public LoginThrottle(RedisDataSource redis, AuthConfig config) {
        this.redis = redis;
        this.lockout = config.lockout();
        this.ip = config.ip();
    }

    /** 429 {@code too_many_attempts} while the account is locked. */
    public void requireAccountNotLocked(String email) {
        long millis =
                call(
                        () -> {
                            try {
                                return redis.key().pttl(lockKey(email));
                            } catch (RedisKeyNotFoundException e) {
                                return -2L;
                            }
                        });
        if (millis > 0) {
            throw new TooManyAttempts(roundUp(millis));
        }
    }

    /** Counts a failed login for the account; true when this failure locked it. */
    public boolean recordAccountFailure(String email) {
        return call(
                        () ->
                                redis.execute(
                                                "EVAL",
                                                RECORD_FAILURE,
                                                "2",
                                                failuresKey(email),
                                                lockKey(email),
                                                Long.toString(lockout.duration().toMillis()),
                                                Integer.toString(lockout.maxFailures()))
                                        .toLong())
                == 1L;
    }

    /** A successful login: the count of consecutive failures starts again. */
    public void resetAccount(String email) {
        call(() -> redis.key().del(failuresKey(email)));
    }

    /** 429 {@code rate_limited} when the IP has used up its failed logins. */
    public void requireIpMayLogIn(String clientIp) {
        window(ipKey("failed-logins", clientIp), ip.failedLogins(), "check");
    }

    public void recordIpFailedLogin(String clientIp) {
        window(ipKey("failed-logins", clientIp), ip.failedLogins(), "record");
    }

    /** Takes one registration from the IP's allowance, or 429 {@code rate_limited}. */
    public void consumeIpRegistration(String clientIp) {
        window(ipKey("registrations", clientIp), ip.registrations(), "consume");
    }

    private void window(String key, int limit, String mode) {
        long wait =
                call(
                        () ->
                                redis.execute(
                                                "EVAL",
                                                SLIDING_WINDOW,
                                                "1",
                                                key,
                                                Long.toString(ip.window().toMillis()),
                                                Integer.toString(limit),
                                                mode,
                                                UUID.randomUUID().toString())
                                        .toLong());
        if (wait > 0) {
            throw new RateLimited(roundUp(wait));
        }
    }

    /** Whole seconds, rounded up, so that Retry-After never invites an early retry. */
    private static Duration roundUp(long millis) {
        return Duration.ofSeconds(Math.max(1L, (millis + 999L) / 1000L));
    }

    static String failuresKey(String email) {
        return RedisKeys.auth("login", "failures", digest(email));
    }

    static String lockKey(String email) {
        return RedisKeys.auth("login", "lock", digest(email));
    }

    static String ipKey(String kind, String clientIp) {
        return RedisKeys.auth("ip", kind, clientIp);
    }

    private static String digest(String email) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(email.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            LOG.warnf("Redis is unavailable for the login limits: %s", e.getClass().getName());
            LOG.debug("Redis failure", e);
            throw new DependencyUnavailable();
        }
    }
}
