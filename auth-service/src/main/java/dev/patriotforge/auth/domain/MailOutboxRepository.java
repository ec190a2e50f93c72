package dev.patriotforge.auth.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The mail outbox (table {@code forge_mail_outbox}). A row is inserted in the transaction of the
 * change that causes the mail; the dispatcher claims due rows with {@code FOR UPDATE SKIP LOCKED},
 * moving their next attempt a lease ahead, so that replicas never claim the same row at once and a
 * claim whose sender died is taken again when the lease runs out.
 */
@ApplicationScoped
public class MailOutboxRepository {
    private final EntityManager em;

    public MailOutboxRepository(EntityManager em) {
        this.em = em;
    }

    /** A claimed mail: what the dispatcher needs to render and send it. */
    public record Claimed(
            UUID id,
            String recipient,
            String kind,
            String subject,
            String payload,
            int attempt,
            Instant createdAt) {}

    public void insert(String recipient, String kind, String subject, String payload, Instant now) {
        em.createNativeQuery(
                        "INSERT INTO auth.forge_mail_outbox (id, recipient, kind, subject, payload,"
                                + " next_attempt_at, created_at) VALUES (:id, :to, :kind, :subject,"
                                + " :payload, :now, :now)")
                .setParameter("id", UUID.randomUUID())
                .setParameter("to", recipient)
                .setParameter("kind", kind)
                .setParameter("subject", subject)
                .setParameter("payload", payload)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Claims up to {@code batch} due mails, oldest due first, for the length of the lease. */
    public List<Claimed> claim(Instant now, Duration lease, int batch) {
        List<?> rows =
                em.createNativeQuery(
                                "WITH due AS (SELECT id FROM auth.forge_mail_outbox WHERE sent_at"
                                        + " IS NULL AND failed_at IS NULL AND next_attempt_at <="
                                        + " :now ORDER BY next_attempt_at LIMIT :batch FOR UPDATE"
                                        + " SKIP LOCKED), claimed AS (UPDATE"
                                        + " auth.forge_mail_outbox o SET next_attempt_at = :until,"
                                        + " attempts = o.attempts + 1 FROM due WHERE o.id = due.id"
                                        + " RETURNING o.id, o.recipient, o.kind, o.subject,"
                                        + " o.payload, o.attempts, o.created_at) SELECT * FROM"
                                        + " claimed")
                        .setParameter("now", now)
                        .setParameter("until", now.plus(lease))
                        .setParameter("batch", batch)
                        .getResultList();
        return rows.stream()
                .map(Object[].class::cast)
                .map(
                        r ->
                                new Claimed(
                                        NativeRows.uuid(r[0]),
                                        (String) r[1],
                                        (String) r[2],
                                        (String) r[3],
                                        (String) r[4],
                                        (int) NativeRows.number(r[5]),
                                        NativeRows.instant(r[6])))
                .toList();
    }

    /** Sent: the payload (which holds the link and its token) is cleared. */
    public void markSent(UUID id, Instant now) {
        em.createNativeQuery(
                        "UPDATE auth.forge_mail_outbox SET sent_at = :now, payload = NULL,"
                                + " last_error = NULL WHERE id = :id AND sent_at IS NULL")
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Not sent this time: tried again at {@code next}. */
    public void markRetry(UUID id, Instant next, String error) {
        em.createNativeQuery(
                        "UPDATE auth.forge_mail_outbox SET next_attempt_at = :next, last_error ="
                                + " :error WHERE id = :id AND sent_at IS NULL")
                .setParameter("next", next)
                .setParameter("error", error)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Given up: never tried again; the payload is cleared. */
    public void markFailed(UUID id, Instant now, String error) {
        em.createNativeQuery(
                        "UPDATE auth.forge_mail_outbox SET failed_at = :now, payload = NULL,"
                                + " last_error = :error WHERE id = :id AND sent_at IS NULL")
                .setParameter("now", now)
                .setParameter("error", error)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** When the oldest mail that is neither sent nor given up was written. */
    public Optional<Instant> oldestPending() {
        Object oldest =
                em.createNativeQuery(
                                "SELECT min(created_at) FROM auth.forge_mail_outbox WHERE sent_at"
                                        + " IS NULL AND failed_at IS NULL")
                        .getSingleResult();
        return Optional.ofNullable(NativeRows.instant(oldest));
    }

    /** Deletes up to {@code batch} mails sent or given up before the cutoff. */
    public int purgeDone(Instant cutoff, int batch) {
        return em.createNativeQuery(
                        "DELETE FROM auth.forge_mail_outbox WHERE id IN (SELECT id FROM"
                                + " auth.forge_mail_outbox WHERE (sent_at IS NOT NULL OR failed_at"
                                + " IS NOT NULL) AND coalesce(sent_at, failed_at) < :cutoff LIMIT"
                                + " :batch FOR UPDATE SKIP LOCKED)")
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batch)
                .executeUpdate();
    }
}
