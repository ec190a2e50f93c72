package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.RefreshToken;
import dev.patriotforge.auth.domain.RefreshTokenRepository;
import dev.patriotforge.auth.domain.SessionRepository;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.domain.UserSession;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.KeysetCursor;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.error.DomainException;
import dev.patriotforge.shared.error.RefreshTokenReused;
import dev.patriotforge.shared.error.SessionNotFound;
import dev.patriotforge.shared.error.TokenExpired;
import dev.patriotforge.shared.error.TokenInvalid;
import dev.patriotforge.shared.error.TokenRevoked;
import dev.patriotforge.shared.error.Unauthenticated;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sessions and their tokens: opening one at login, rotating its refresh token, listing and ending
 * the caller's sessions. A refresh token is spent by its use; presenting a spent one again ends its
 * session (and only that one) and answers 401 {@code refresh_token_reused}.
 */
@ApplicationScoped
public class SessionService {
    private static final Logger LOG = Logger.getLogger(SessionService.class);
    static final String REASON_LOGOUT = "logout";
    static final String REASON_LOGOUT_ALL = "logout_all";
    static final String REASON_SESSION_DELETED = "session_deleted";
    static final String REASON_REUSE = "refresh_token_reused";

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final TokenService tokens;
    private final Revocations revocations;
    private final AuthMetrics metrics;
    private final AuthConfig config;
    private final Clock clock;

    public SessionService(
            SessionRepository sessions,
            RefreshTokenRepository refreshTokens,
            UserRepository users,
            TokenService tokens,
            Revocations revocations,
            AuthMetrics metrics,
            AuthConfig config,
            Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.tokens = tokens;
        this.revocations = revocations;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The amr of a session opened by a password alone. */
    static final String AMR_PASSWORD = "pwd";

    /** The amr of a session opened by a password and a TOTP or recovery code. */
    static final String AMR_PASSWORD_OTP = "pwd otp";

    /**
     * Opens a session for a user who just proved their password (and, with {@link
     * #AMR_PASSWORD_OTP}, a second factor). Runs in the caller's tx.
     */
    IssuedTokens open(User user, ClientInfo client, String amr) {
        Instant now = now();
        UserSession session = new UserSession();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.userAgent = client.userAgent();
        session.ip = client.ip();
        session.createdAt = now;
        session.updatedAt = now;
        session.lastUsedAt = now;
        session.expiresAt = nextExpiry(session, now);
        session.amr = amr;
        sessions.persist(session);
        return issue(user, session, now);
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

    private Rotation rotate(byte[] hash, ClientInfo client) {
        Instant now = now();
        RefreshToken token = refreshTokens.findByHashForUpdate(hash).orElse(null);
        if (token == null) {
            return Rotation.failed("invalid", new TokenInvalid());
        }
        UserSession session = sessions.findForUpdate(token.sessionId).orElseThrow();
        if (token.spentAt != null) {
            revocations.end(List.of(session), REASON_REUSE, now);
            LOG.warnf(
                    "A spent refresh token was presented again; session %s is revoked", session.id);
            return Rotation.failed("reused", new RefreshTokenReused());
        }
        if (session.deletedAt != null) {
            return Rotation.failed("revoked", new TokenRevoked());
        }
        if (!token.expiresAt.isAfter(now)
                || !session.expiresAt.isAfter(now)
                || !endOfLife(session).isAfter(now)) {
            return Rotation.failed("expired", new TokenExpired());
        }
        User user = users.findLive(session.userId).orElse(null);
        if (user == null) {
            revocations.end(List.of(session), UserAdminService.REASON_USER_DELETED, now);
            return Rotation.failed("revoked", new TokenRevoked());
        }
        token.spentAt = now;
        token.updatedAt = now;
        session.lastUsedAt = now;
        session.updatedAt = now;
        session.expiresAt = nextExpiry(session, now);
        session.ip = client.ip();
        if (client.userAgent() != null) {
            session.userAgent = client.userAgent();
        }
        return new Rotation("success", issue(user, session, now), null);
    }

    /** When a session ends at the latest: its login plus the absolute session lifetime. */
    Instant endOfLife(UserSession session) {
        return session.createdAt.plus(config.sessions().maxAge());
    }

    /** A refresh extends the session by the refresh-token lifetime, never past its end of life. */
    private Instant nextExpiry(UserSession session, Instant now) {
        Instant byRefresh = now.plus(config.tokens().refreshTtl());
        Instant end = endOfLife(session);
        return byRefresh.isBefore(end) ? byRefresh : end;
    }

    private IssuedTokens issue(User user, UserSession session, Instant now) {
        String refresh = tokens.newRefreshToken();
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.sessionId = session.id;
        row.tokenHash = TokenService.hashOf(refresh);
        row.createdAt = now;
        row.updatedAt = now;
        row.expiresAt = session.expiresAt;
        refreshTokens.persist(row);
        String access =
                tokens.accessToken(
                        user.id,
                        user.email,
                        user.emailVerified,
                        user.role,
                        session.id,
                        List.of(session.amr.split(" ")),
                        now);
        return new IssuedTokens(
                session.id,
                access,
                config.tokens().accessTtl(),
                refresh,
                Duration.between(now, session.expiresAt));
    }

    /** A page of the caller's live sessions, newest first, keyset-paginated. */
    @Transactional
    public CursorPage<SessionView> list(Caller caller, PageRequest page) {
        List<UserSession> rows =
                sessions.livePage(caller.userId(), now(), page.after(), page.limit() + 1);
        return CursorPage.of(
                rows,
                page.limit(),
                s -> new KeysetCursor(s.createdAt, s.id),
                s -> SessionView.of(s, caller.sessionId()));
    }

    /** Ends the caller's current session (logout). */
    @Transactional
    public void logout(Caller caller) {
        endOwn(caller, caller.sessionId(), REASON_LOGOUT);
    }

    /** Ends one of the caller's own sessions; anyone else's, or an ended one, is a 404. */
    @Transactional
    public void delete(Caller caller, UUID sessionId) {
        endOwn(caller, sessionId, REASON_SESSION_DELETED);
    }

    private void endOwn(Caller caller, UUID sessionId, String reason) {
        UserSession session =
                sessions.findForUpdate(sessionId)
                        .filter(s -> s.userId.equals(caller.userId()) && s.deletedAt == null)
                        .orElseThrow(SessionNotFound::new);
        revocations.end(List.of(session), reason, now());
    }

    /** Ends every session of the caller (logout-all). */
    @Transactional
    public void logoutAll(Caller caller) {
        endAll(caller.userId(), REASON_LOGOUT_ALL);
    }

    /** Ends every open session of a user but one, in the caller's transaction. */
    int endAllExcept(UUID userId, UUID keep, String reason) {
        return revocations.end(
                sessions.openForUpdate(userId).stream().filter(s -> !s.id.equals(keep)).toList(),
                reason,
                now());
    }

    /** Ends every open session of a user, in the caller's transaction. */
    int endAll(UUID userId, String reason) {
        return revocations.end(sessions.openForUpdate(userId), reason, now());
    }
}
