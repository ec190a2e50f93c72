package dev.patriotforge.auth.mail;

import dev.patriotforge.auth.config.MailConfig;
import dev.patriotforge.auth.domain.MailOutboxRepository;
import dev.patriotforge.auth.domain.MailOutboxRepository.Claimed;
import dev.patriotforge.auth.service.AuthMetrics;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Sends the outbox over SMTP. Each run claims due mails in a short transaction ({@code FOR UPDATE
 * SKIP LOCKED}, the next attempt moved a lease ahead), sends them outside any transaction, then
 * records each outcome in a transaction of its own. Several replicas share the work without sending
 * a mail twice at once; a replica that dies after its claim (or after sending, before recording it)
 * leaves the mail to be sent again when the lease runs out: at least once.
 *
 * <p>A failed send is retried with exponential backoff up to a cap, and given up once the mail is
 * older than its links live. Neither logs nor {@code last_error} carry a mail's data or address.
 */
@ApplicationScoped
public class MailDispatcher {
    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final int MAX_ERROR = 500;

    /** Anything shaped like a token (long base64url runs) is cut out of error texts. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{20,}");

    private final MailOutboxRepository outbox;
    private final MailRenderer renderer;
    private final Mailer mailer;
    private final MailConfig config;
    private final AuthMetrics metrics;
    private final Clock clock;

    public MailDispatcher(
            MailOutboxRepository outbox,
            MailRenderer renderer,
            Mailer mailer,
            MailConfig config,
            AuthMetrics metrics,
            Clock clock) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.mailer = mailer;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(
            identity = "mail-dispatch",
            every = "${forge.auth.mail.dispatch-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.warnf("Mail dispatch stopped early (%s); the next run continues", e.getClass());
        }
    }

    /** One run: claims a batch of due mails and sends them; returns how many were sent. */
    public int dispatch() {
        Instant now = now();
        List<Claimed> claimed =
                QuarkusTransaction.requiringNew()
                        .call(
                                () -> {
                                    metrics.outboxOldest(outbox.oldestPending().orElse(null));
                                    return outbox.claim(now, config.lease(), config.batch());
                                });
        int sent = 0;
        for (Claimed mail : claimed) {
            if (send(mail)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Claimed mail) {
        MailKind kind = MailKind.of(mail.kind());
        try {
            MailRenderer.Bodies bodies = renderer.render(kind, mail.payload());
            mailer.send(
                    Mail.withText(mail.recipient(), mail.subject(), bodies.text())
                            .setHtml(bodies.html()));
        } catch (RuntimeException e) {
            failed(mail, kind, e);
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.markSent(mail.id(), now()));
        metrics.mailSent(kind.id());
        LOG.infof("Sent mail %s (%s, attempt %d)", mail.id(), kind.id(), mail.attempt());
        return true;
    }

    private void failed(Claimed mail, MailKind kind, RuntimeException e) {
        String error = describe(e);
        Instant now = now();
        boolean giveUp = !mail.createdAt().plus(config.giveUpAfter()).isAfter(now);
        if (giveUp) {
            QuarkusTransaction.requiringNew().run(() -> outbox.markFailed(mail.id(), now, error));
            metrics.mailFailed(kind.id(), "given_up");
            LOG.errorf(
                    "Gave up mail %s (%s) after %d attempts: %s",
                    mail.id(), kind.id(), mail.attempt(), error);
            return;
        }
        Instant next = now.plus(backoff(mail.attempt()));
        QuarkusTransaction.requiringNew().run(() -> outbox.markRetry(mail.id(), next, error));
        metrics.mailFailed(kind.id(), "retry");
        LOG.warnf(
                "Mail %s (%s) not sent, attempt %d, next at %s: %s",
                mail.id(), kind.id(), mail.attempt(), next, error);
    }

    /** The wait after the n-th failed attempt: backoff * 2^(n-1), at most the cap. */
    Duration backoff(int attempt) {
        Duration wait = config.backoff().multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(config.backoffCap()) > 0 ? config.backoffCap() : wait;
    }

    /** The failure's class and message (of the innermost cause), with nothing token-shaped. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        String text =
                root.getClass().getSimpleName()
                        + ": "
                        + TOKEN_LIKE.matcher(message).replaceAll("[redacted]");
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
