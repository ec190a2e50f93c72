package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.UserSession;
import dev.patriotforge.common.security.RevocationStore;
import dev.patriotforge.shared.error.DependencyUnavailable;
import dev.patriotforge.shared.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one way a session ends. Every revoking action (logout, logout-all, password change, role
 * change, session delete, user delete, refresh-token reuse) comes here: the sessions are marked
 * ended in PostgreSQL, so that their refresh tokens stop, and a revocation mark per session is
 * written to Redis, so that their access tokens stop at every service within one request.
 *
 * <p>Runs inside the caller's transaction. The Redis marks are written before the commit: if Redis
 * cannot be reached the transaction rolls back and the caller gets a 503, so a session is never
 * recorded as ended while its access tokens still work.
 *
 * <p>A mark lives as long as an access token (plus the clock skew verifiers allow past {@code
 * exp}): by then every token of the session has expired and the mark is no longer needed.
 */
@ApplicationScoped
public class Revocations {
    private static final Logger LOG = Logger.getLogger(Revocations.class);
    private static final Duration REDIS_WAIT = Duration.ofSeconds(5);

    private final RevocationStore store;
    private final AuthMetrics metrics;
    private final TransactionManager transactions;
    private final Duration markTtl;

    public Revocations(
            RevocationStore store,
            AuthMetrics metrics,
            TransactionManager transactions,
            AuthConfig config) {
        this.store = store;
        this.metrics = metrics;
        this.transactions = transactions;
        this.markTtl = config.tokens().accessTtl().plus(config.jwt().clockSkew());
    }

    /** Ends the sessions that are still open; returns how many were. */
    public int end(Collection<UserSession> sessions, String reason, Instant now) {
        List<UserSession> open = sessions.stream().filter(s -> s.deletedAt == null).toList();
        if (open.isEmpty()) {
            return 0;
        }
        for (UserSession session : open) {
            session.deletedAt = now;
            session.endReason = reason;
            session.updatedAt = now;
        }
        List<UUID> ids = open.stream().map(s -> s.id).toList();
        mark(ids);
        metrics.revocations(reason, open.size());
        LOG.infof("Revoked %d session(s), reason %s: %s", open.size(), reason, ids);
        return open.size();
    }

    /**
     * Writes the marks with the caller's transaction suspended. Otherwise context propagation
     * carries the transaction into the Redis client's callbacks on the event loop, and when this
     * thread commits while that thread still holds it, the commit fails ("Enlisted connection used
     * without active transaction") and the client gets a 500.
     */
    private void mark(List<UUID> sessionIds) {
        Transaction transaction = suspend();
        try {
            store.revoke(sessionIds, markTtl).await().atMost(REDIS_WAIT);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DependencyUnavailable();
        } finally {
            resume(transaction);
        }
    }

    private Transaction suspend() {
        try {
            return transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("cannot suspend the transaction", e);
        }
    }

    private void resume(Transaction transaction) {
        if (transaction == null) {
            return;
        }
        try {
            transactions.resume(transaction);
        } catch (InvalidTransactionException | SystemException e) {
            throw new IllegalStateException("cannot resume the transaction", e);
        }
    }

    public Duration markTtl() {
        return markTtl;
    }
}
