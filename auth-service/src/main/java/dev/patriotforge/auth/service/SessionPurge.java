package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.BatchPurge;
import dev.patriotforge.auth.domain.RefreshTokenRepository;
import dev.patriotforge.auth.domain.SessionRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the session tables bounded: sessions that expired or were revoked longer ago than the
 * retention period are deleted with every refresh token they had, and refresh tokens are forgotten
 * a day after they expired. Runs hourly on every replica, in small transactions whose rows are
 * taken with {@code SKIP LOCKED}: replicas share the work, and a purge never waits for a request
 * (nor a request for long behind a purge).
 */
@ApplicationScoped
public class SessionPurge {
    private static final Logger LOG = Logger.getLogger(SessionPurge.class);
    static final Duration SPENT_TOKEN_GRACE = Duration.ofDays(1);

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final AuthConfig config;
    private final Clock clock;

    public SessionPurge(
            SessionRepository sessions,
            RefreshTokenRepository refreshTokens,
            AuthConfig config,
            Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.config = config;
        this.clock = clock;
    }

    /** What one purge deleted. */
    public record Result(long sessions, long refreshTokens) {}

    @Scheduled(
            identity = "session-purge",
            every = "${forge.auth.sessions.purge-every:1h}",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Result result = purge();
            if (result.sessions() > 0 || result.refreshTokens() > 0) {
                LOG.infof(
                        "Purged %d ended session(s) and %d refresh token(s)",
                        result.sessions(), result.refreshTokens());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Session purge stopped early (%s); the next run continues", e.getClass());
        }
    }

    /** Deletes, batch by batch, what is past retention; returns how much it deleted. */
    public Result purge() {
        Instant now = clock.instant();
        Instant sessionCutoff = now.minus(config.sessions().retention());
        Instant tokenCutoff = now.minus(SPENT_TOKEN_GRACE);
        int batch = config.sessions().purgeBatch();
        long[] tokenCount = {0};
        long sessionCount =
                BatchPurge.drain(
                        batch,
                        () -> {
                            long[] deleted = endedSessions(sessionCutoff, batch);
                            tokenCount[0] += deleted[1];
                            return deleted[0];
                        });
        tokenCount[0] +=
                BatchPurge.drain(batch, () -> refreshTokens.purgeExpired(tokenCutoff, batch));
        return new Result(sessionCount, tokenCount[0]);
    }

    /**
     * One batch: locks the sessions, then their refresh tokens (without waiting for a refresh that
     * holds one), and deletes the tokens before the sessions they reference.
     */
    private long[] endedSessions(Instant cutoff, int batch) {
        List<UUID> ids = sessions.lockEndedBefore(cutoff, batch);
        refreshTokens.lockOfSessionsNoWait(ids);
        long tokens = refreshTokens.deleteOfSessions(ids);
        long deleted = sessions.deleteByIds(ids);
        return new long[] {deleted, tokens};
    }
}
