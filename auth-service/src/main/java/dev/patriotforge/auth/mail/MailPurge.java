package dev.patriotforge.auth.mail;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.config.MailConfig;
import dev.patriotforge.auth.domain.ActionTokenRepository;
import dev.patriotforge.auth.domain.BatchPurge;
import dev.patriotforge.auth.domain.MailOutboxRepository;
import dev.patriotforge.auth.domain.MfaTokenRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox and the token table bounded: mails sent or given up, and one-time tokens that
 * expired, longer ago than the mail retention are deleted, batch by batch ({@link BatchPurge}:
 * {@code SKIP LOCKED}, so replicas share the work). Runs with the session purge's interval.
 */
@ApplicationScoped
public class MailPurge {
    private static final Logger LOG = Logger.getLogger(MailPurge.class);

    private final MailOutboxRepository outbox;
    private final ActionTokenRepository tokens;
    private final MfaTokenRepository mfaTokens;
    private final MailConfig config;
    private final int batch;
    private final Clock clock;

    public MailPurge(
            MailOutboxRepository outbox,
            ActionTokenRepository tokens,
            MfaTokenRepository mfaTokens,
            MailConfig config,
            AuthConfig auth,
            Clock clock) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.mfaTokens = mfaTokens;
        this.config = config;
        this.batch = auth.sessions().purgeBatch();
        this.clock = clock;
    }

    @Scheduled(
            identity = "mail-purge",
            every = "${forge.auth.sessions.purge-every:1h}",
            delayed = "7m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            long deleted = purge();
            if (deleted > 0) {
                LOG.infof("Purged %d old mail(s) and token(s)", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Mail purge stopped early (%s); the next run continues", e.getClass());
        }
    }

    /** Deletes what is past retention; returns how many rows. */
    public long purge() {
        Instant cutoff = clock.instant().minus(config.retention());
        // The second steps of logins (mfa_tokens, 5 minutes) go with the mailed tokens.
        return BatchPurge.drain(batch, () -> outbox.purgeDone(cutoff, batch))
                + BatchPurge.drain(batch, () -> tokens.purgeExpired(cutoff, batch))
                + BatchPurge.drain(batch, () -> mfaTokens.purgeExpired(cutoff, batch));
    }
}
