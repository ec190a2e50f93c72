package dev.patriotforge.auth.security;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.shared.error.RateLimited;
import dev.patriotforge.shared.error.TooManyAttempts;
import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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
 * <p>Limits count before work: {@link #admitLogin} is one Lua script that checks both limits and,
 * when the attempt may proceed, counts it against both before the password is verified. So N
 * parallel guesses for one account are never verified more than the maximum times; an attempt that
 * turns out right takes its counts back ({@link Attempt#succeeded()}).
 *
 * <p>The limits fail closed: when an attempt cannot be counted (Redis unreachable, or refusing
 * writes at {@code maxmemory}) it is refused with 503 and the password is not verified.
 */
@ApplicationScoped
public class LoginThrottle {
    /**
     * KEYS: the account's count of attempts, then optionally the IP's window of failed logins.
     * ARGV: lockout ms, maximum failures, IP window ms, IP limit, member. Returns {0, count} when
     * the attempt is admitted and counted, {1, ms to wait} when the IP is over its limit, {2, ms to
     * wait} when the account is locked.
     *
     * <p>Fails closed when Redis is full ({@code maxmemory}, {@code noeviction}): the shebang makes
     * Redis 7 refuse the whole script with an OOM error, and its first write is the INCR (a script
     * may go on writing once it has written). A refused script is a 503, and nothing is verified.
     */
    private static final String ADMIT =
            """
            #!lua
            local window = tonumber(ARGV[3])
            local now = 0
            if #KEYS == 2 then
              local t = redis.call('TIME')
              now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
              local since = '(' .. (now - window)
              if redis.call('ZCOUNT', KEYS[2], since, '+inf') >= tonumber(ARGV[4]) then
                local oldest = redis.call('ZRANGEBYSCORE', KEYS[2], since, '+inf',
                                          'WITHSCORES', 'LIMIT', 0, 1)
                local wait = tonumber(oldest[2]) + window - now
                if wait < 1 then wait = 1 end
                return {1, wait}
              end
            end
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            if n >= tonumber(ARGV[2]) then
              local wait = redis.call('PTTL', KEYS[1])
              if wait < 1 then wait = 1 end
              return {2, wait}
            end
            n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            if #KEYS == 2 then
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
              redis.call('ZADD', KEYS[2], now, ARGV[5])
              redis.call('PEXPIRE', KEYS[2], window)
            end
            return {0, n}
            """;

    /** KEYS: the account's count, optionally the IP's window. ARGV: the attempt's member. */
    private static final String SUCCEEDED =
            """
            redis.call('DEL', KEYS[1])
            if #KEYS == 2 then
              redis.call('ZREM', KEYS[2], ARGV[1])
            end
            return 0
            """;

    /**
     * KEYS: the account's count, optionally the IP's window. ARGV: the attempt's member. Gives back
     * this attempt's own count and keeps the earlier failures.
     */
    private static final String GIVEN_BACK =
            """
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then
              redis.call('DECR', KEYS[1])
            end
            if #KEYS == 2 then
              redis.call('ZREM', KEYS[2], ARGV[1])
            end
            return 0
            """;

    private final RedisDataSource redis;
    private final SlidingWindows windows;
    private final AuthConfig.Lockout lockout;
    private final AuthConfig.Ip ip;

    public LoginThrottle(RedisDataSource redis, SlidingWindows windows, AuthConfig config) {
        this.redis = redis;
        this.windows = windows;
        this.lockout = config.lockout();
        this.ip = config.ip();
    }

    /**
     * An attempt that was admitted and counted before its password is checked. A failure leaves the
     * counts in place; a success takes them back.
     */
    public final class Attempt {
        private final String[] keys;
        private final String member;
        private final long count;

        private Attempt(String[] keys, String member, long count) {
            this.keys = keys;
            this.member = member;
            this.count = count;
        }

        /** True when this attempt used up the account's allowance: failing, it locked it. */
        public boolean locksOnFailure() {
            return count >= lockout.maxFailures();
        }

        /**
         * The password was wrong: the count stays, and the account's lockout runs from now (the
         * attempt was counted when it was admitted, before the password check took its time).
         */
        public void failed() {
            call(() -> redis.key().pexpire(keys[0], lockout.duration().toMillis()));
        }

        /** The password was right: the account's count starts again, the IP's is given back. */
        public void succeeded() {
            run(SUCCEEDED);
        }

        /**
         * The password was right but the login takes a second step (contract 2.2): this attempt's
         * own count is given back, the earlier failures stay. Only a completed login resets them.
         */
        public void passedFirstStep() {
            run(GIVEN_BACK);
        }

        private void run(String script) {
            List<String> args = new ArrayList<>();
            args.add(script);
            args.add(Integer.toString(keys.length));
            args.addAll(List.of(keys));
            args.add(member);
            call(() -> redis.execute("EVAL", args.toArray(String[]::new)));
        }
    }

    /**
     * Admits a login and counts it against the account and the client IP before the password is
     * verified: 429 {@code rate_limited} when the IP has used up its failed logins, 429 {@code
     * too_many_attempts} while the account is locked, 503 when the attempt cannot be counted.
     */
    public Attempt admitLogin(String email, String clientIp) {
        return admit(failuresKey(email), ipKey("failed-logins", clientIp));
    }

    /**
     * Admits a check of the current password of a signed-in user, counted against the account only
     * (it locks the account like a failed login).
     */
    public Attempt admitPasswordCheck(String email) {
        return admit(failuresKey(email), null);
    }

    private Attempt admit(String accountKey, String ipKey) {
        String[] keys =
                ipKey == null ? new String[] {accountKey} : new String[] {accountKey, ipKey};
        String member = UUID.randomUUID().toString();
        List<String> args = new ArrayList<>();
        args.add(ADMIT);
        args.add(Integer.toString(keys.length));
        args.addAll(List.of(keys));
        args.add(Long.toString(lockout.duration().toMillis()));
        args.add(Integer.toString(lockout.maxFailures()));
        args.add(Long.toString(ip.window().toMillis()));
        args.add(Integer.toString(ip.failedLogins()));
        args.add(member);
        Response answer = call(() -> redis.execute("EVAL", args.toArray(String[]::new)));
        long verdict = answer.get(0).toLong();
        long value = answer.get(1).toLong();
        if (verdict == 1L) {
            throw new RateLimited(SlidingWindows.roundUp(value));
        }
        if (verdict == 2L) {
            throw new TooManyAttempts(SlidingWindows.roundUp(value));
        }
        return new Attempt(keys, member, value);
    }

    /** Takes one registration from the IP's allowance, or 429 {@code rate_limited}. */
    public void consumeIpRegistration(String clientIp) {
        windows.consume(ipKey("registrations", clientIp), ip.registrations(), ip.window());
    }

    /**
     * Takes one password-reset request from the IP's allowance (as large as its registrations');
     * false, and nothing counted, when it is used up.
     */
    public boolean tryIpPasswordForgot(String clientIp) {
        return windows.tryConsume(
                ipKey("password-forgot", clientIp), ip.registrations(), ip.window());
    }

    /** Ends the account's lockout and its count of failed logins (a password reset does). */
    public void clearLockout(String email) {
        call(() -> redis.key().del(failuresKey(email)));
    }

    static String failuresKey(String email) {
        return RedisKeys.auth("login", "failures", digest(email));
    }

    static String ipKey(String kind, String clientIp) {
        return RedisKeys.auth("ip", kind, clientIp);
    }

    /** The hex SHA-256 of an email: how Redis keys name an account without holding its address. */
    public static String digest(String email) {
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
        return SlidingWindows.call(command);
    }
}
