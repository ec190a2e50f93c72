package dev.patriotforge.quote.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/** Quotes that are not soft-deleted; the expiry statements; the number sequence. */
@ApplicationScoped
public class QuoteRepository implements PanacheRepositoryBase<Quote, UUID> {

    /** The next value of the quote-number sequence. */
    public long nextNumber() {
        return ((Number)
                        getEntityManager()
                                .createNativeQuery("SELECT nextval('forge_quote_numbers')")
                                .getSingleResult())
                .longValue();
    }

    /**
     * The number of the customer's open quotes (draft, submitted, priced), counted up to {@code
     * max}, under a lock on the customer that is held until the transaction ends: creates of one
     * customer count one after another, so two of them cannot both see room for one more.
     */
    public long lockAndCountOpen(UUID customerId, int max) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", "quote-open:" + customerId)
                .getSingleResult();
        return ((Number)
                        getEntityManager()
                                .createNativeQuery(
                                        """
                                        SELECT count(*) FROM (
                                            SELECT 1 FROM forge_quotes
                                            WHERE customer_id = :customer AND deleted_at IS NULL
                                              AND status IN ('draft', 'submitted', 'priced')
                                            LIMIT :max) open
                                        """)
                                .setParameter("customer", customerId)
                                .setParameter("max", max)
                                .getSingleResult())
                .longValue();
    }

    /**
     * Marks the current transaction as reading only: loaded quotes keep no snapshot for dirty
     * checking and nothing is flushed at commit (a profile of GET showed both). Statements issued
     * directly, such as the lazy expiry, still run.
     */
    public void readOnly() {
        Session session = getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    /**
     * The size of each quote's text in UTF-8 bytes: title, notes, and every item's description and
     * unit; what its JSON grows with. Read without loading the text.
     */
    public Map<UUID, Long> textSizes(Collection<UUID> ids) {
        Map<UUID, Long> sizes = new HashMap<>();
        if (ids.isEmpty()) {
            return sizes;
        }
        List<?> rows =
                getEntityManager()
                        .createNativeQuery(
                                """
                                SELECT q.id, octet_length(q.title)
                                       + coalesce(octet_length(q.notes), 0)
                                       + coalesce((SELECT sum(octet_length(i.description)
                                                              + octet_length(i.unit))
                                                   FROM forge_quote_items i
                                                   WHERE i.quote_id = q.id), 0)
                                FROM forge_quotes q WHERE q.id IN (:ids)
                                """)
                        .setParameter("ids", ids)
                        .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            sizes.put((UUID) columns[0], ((Number) columns[1]).longValue());
        }
        return sizes;
    }

    /** Lets go of a loaded quote: its items are not loaded with the others' any more. */
    public void forget(Quote quote) {
        getEntityManager().detach(quote);
    }

    /**
     * A quote that is not deleted. With {@code lock}, the row stays locked until commit; without,
     * the quote comes with its items in one SELECT (a lock cannot cover the nullable side of the
     * outer join, so the locking read loads the items when they are first used).
     */
    public Optional<Quote> findLive(UUID id, boolean lock) {
        if (lock) {
            return find("id = ?1 and deletedAt is null", id)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .firstResultOptional();
        }
        return find(
                        "from Quote q left join fetch q.items where q.id = ?1 and q.deletedAt is"
                                + " null",
                        id)
                .singleResultOptional();
    }

    /**
     * One page of the quotes a caller may see, newest first, after the cursor position.
     *
     * @param ownerOnly only the caller's own quotes (customers)
     * @param statuses empty for every status
     * @param customerId null for every customer
     */
    public List<Quote> page(
            UUID callerId,
            boolean ownerOnly,
            Collection<QuoteStatus> statuses,
            UUID customerId,
            Instant afterCreatedAt,
            UUID afterId,
            int limit) {
        StringBuilder where = new StringBuilder("deletedAt is null");
        Map<String, Object> params = new HashMap<>();
        params.put("me", callerId);
        if (ownerOnly) {
            where.append(" and customerId = :me");
        } else {
            where.append(" and (status <> :draft or customerId = :me)");
            params.put("draft", QuoteStatus.DRAFT);
        }
        if (!statuses.isEmpty()) {
            where.append(" and status in :statuses");
            params.put("statuses", statuses);
        }
        if (customerId != null) {
            where.append(" and customerId = :customer");
            params.put("customer", customerId);
        }
        if (afterCreatedAt != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.put("at", afterCreatedAt);
            params.put("id", afterId);
        }
        where.append(" order by createdAt desc, id desc");
        return find(where.toString(), params).range(0, limit - 1).list();
    }

    /**
     * Expires one quote if it is due: a single conditional statement, so that concurrent callers
     * and sweeps expire it once. Writes the audit event in the same statement.
     *
     * @return the audit event when the quote was expired now, else nothing
     */
    public List<Expired> expireIfDue(UUID id, QuoteStatus from, QuoteStatus to, Instant now) {
        return expired(
                getEntityManager()
                        .createNativeQuery(
                                """
                                WITH expired AS (
                                    UPDATE forge_quotes SET status = :to, version = version + 1,
                                           updated_at = :now
                                    WHERE id = :id AND status = :from AND valid_until <= :now
                                      AND deleted_at IS NULL
                                    RETURNING id)
                                INSERT INTO forge_quote_events
                                    (id, quote_id, type, actor_id, from_status, to_status, at)
                                SELECT gen_random_uuid(), id, :type, NULL, :from, :to, :now FROM expired
                                RETURNING id, quote_id
                                """)
                        .setParameter("id", id)
                        .setParameter("from", from.wire())
                        .setParameter("to", to.wire())
                        .setParameter("type", to.wire())
                        .setParameter("now", now)
                        .getResultList());
    }

    /**
     * Expires up to {@code batch} due quotes, skipping rows another transaction holds (another
     * replica's sweep, or a request working on the quote), with one audit event each.
     *
     * @return the audit events of the quotes expired
     */
    public List<Expired> expireDue(QuoteStatus from, QuoteStatus to, Instant now, int batch) {
        return expired(
                getEntityManager()
                        .createNativeQuery(
                                """
                                WITH due AS (
                                    SELECT id FROM forge_quotes
                                    WHERE status = :from AND valid_until <= :now AND deleted_at IS NULL
                                    ORDER BY valid_until
                                    LIMIT :batch
                                    FOR UPDATE SKIP LOCKED),
                                expired AS (
                                    UPDATE forge_quotes q SET status = :to, version = q.version + 1,
                                           updated_at = :now
                                    FROM due WHERE q.id = due.id
                                    RETURNING q.id)
                                INSERT INTO forge_quote_events
                                    (id, quote_id, type, actor_id, from_status, to_status, at)
                                SELECT gen_random_uuid(), id, :type, NULL, :from, :to, :now FROM expired
                                RETURNING id, quote_id
                                """)
                        .setParameter("from", from.wire())
                        .setParameter("to", to.wire())
                        .setParameter("type", to.wire())
                        .setParameter("now", now)
                        .setParameter("batch", batch)
                        .getResultList());
    }

    /** The audit event written by an expiry statement. */
    public record Expired(UUID eventId, UUID quoteId) {}

    private static List<Expired> expired(List<?> rows) {
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Expired((UUID) row[0], (UUID) row[1]))
                .toList();
    }
}
