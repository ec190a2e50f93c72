package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.RefreshToken;
import dev.patriotforge.auth.domain.RefreshTokenRepository;
import dev.patriotforge.auth.domain.SessionRepository;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.domain.UserSession;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.shared.error.DomainException;
import dev.patriotforge.shared.error.RefreshTokenReused;
import dev.patriotforge.shared.error.TokenExpired;
import dev.patriotforge.shared.error.TokenInvalid;
import dev.patriotforge.shared.error.TokenRevoked;
import dev.patriotforge.shared.error.Unauthenticated;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Rotates refresh tokens. A refresh token is spent by its use; presenting a spent one again ends
 * its session (and only that one) and answers 401 {@code refresh_token_reused}, except the
 * immediately previous token within {@code FORGE_AUTH_REFRESH_GRACE}, which gets a fresh pair for
 * the same session (two tabs that refresh at once both stay logged in).
 */
@ApplicationScoped
public class SessionRefresh {
    private static final Logger LOG = Logger.getLogger(SessionRefresh.class);

    private final SessionService sessions;
    private final SessionRepository sessionRows;
    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final Revocations revocations;
    private final AuthMetrics metrics;
    private final AuthConfig config;

    public SessionRefresh(
            SessionService sessions,
            SessionRepository sessionRows,
            RefreshTokenRepository refreshTokens,
            UserRepository users,
            Revocations revocations,
            AuthMetrics metrics,
            AuthConfig config) {
        this.sessions = sessions;
        this.sessionRows = sessionRows;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.revocations = revocations;
        this.metrics = metrics;
        this.config = config;
    }

    /** Exchanges a refresh token for a new pair; the presented one is spent. */
    public IssuedTokens refresh(Secret refreshToken, ClientInfo client) {
        if (refreshToken == null || refreshToken.isEmpty()) {
            metrics.refresh("missing");
            throw new Unauthenticated();
        }
        if (!TokenService.looksLikeRefreshToken(refreshToken.reveal())) {
            metrics.refresh("invalid");
            throw new TokenInvalid();
        }
        byte[] hash = TokenService.hashOf(refreshToken.reveal());
        Rotation rotation = QuarkusTransaction.requiringNew().call(() -> rotate(hash, client));
        metrics.refresh(rotation.outcome());
        if (rotation.failure() != null) {
            throw rotation.failure();
        }
        return rotation.tokens();
    }

    private record Rotation(String outcome, IssuedTokens tokens, DomainException failure) {
        static Rotation failed(String outcome, DomainException failure) {
            return new Rotation(outcome, null, failure);
        }
    }

    /**
     * Takes the session's row lock first, then the token's: every refresh of one session queues on
     * the session row, so two tabs refreshing at once are served one after the other.
     */
    private Rotation rotate(byte[] hash, ClientInfo client) {
        Instant now = sessions.now();
        UUID sessionId = refreshTokens.sessionOf(hash).orElse(null);
        if (sessionId == null) {
            return Rotation.failed("invalid", new TokenInvalid());
        }
        UserSession session = sessionRows.findForUpdate(sessionId).orElseThrow();
        RefreshToken token = refreshTokens.findByHashForUpdate(hash).orElseThrow();
        boolean grace = false;
        if (token.spentAt != null) {
            if (!withinGrace(token, session, now)) {
                revocations.end(List.of(session), SessionService.REASON_REUSE, now);
                LOG.warnf(
                        "A spent refresh token was presented again; session %s is revoked",
                        session.id);
                return Rotation.failed("reused", new RefreshTokenReused());
            }
            grace = true;
        }
        if (session.deletedAt != null) {
            return Rotation.failed("revoked", new TokenRevoked());
        }
        if (!token.expiresAt.isAfter(now)
                || !session.expiresAt.isAfter(now)
                || !sessions.endOfLife(session).isAfter(now)) {
            return Rotation.failed("expired", new TokenExpired());
        }
        User user = users.findLive(session.userId).orElse(null);
        if (user == null) {
            revocations.end(List.of(session), UserAdminService.REASON_USER_DELETED, now);
            return Rotation.failed("revoked", new TokenRevoked());
        }
        if (!grace) {
            // The presented token and any pair a grace answer left live: one live token remains.
            refreshTokens.spendLive(session.id, now);
        }
        session.lastUsedAt = now;
        session.updatedAt = now;
        session.expiresAt = sessions.nextExpiry(session, now);
        session.ip = client.ip();
        if (client.userAgent() != null) {
            session.userAgent = client.userAgent();
        }
        return new Rotation(grace ? "grace" : "success", sessions.issue(user, session, now), null);
    }

    /**
     * The refresh grace: a spent token gets a fresh pair instead of revoking its session when it is
     * the immediately previous one (spent by the session's latest rotation) and was spent within
     * {@code FORGE_AUTH_REFRESH_GRACE}. Any older token, or after the window, is reuse.
     */
    private boolean withinGrace(RefreshToken token, UserSession session, Instant now) {
        return session.deletedAt == null
                && token.spentAt.plus(config.tokens().refreshGrace()).isAfter(now)
                && refreshTokens
                        .lastSpentAt(session.id)
                        .map(last -> last.equals(token.spentAt))
                        .orElse(false);
    }
}
