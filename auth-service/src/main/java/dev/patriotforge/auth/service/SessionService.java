package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.RefreshToken;
import dev.patriotforge.auth.domain.RefreshTokenRepository;
import dev.patriotforge.auth.domain.SessionRepository;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserSession;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.KeysetCursor;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.error.SessionNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Sessions and their tokens: opening one at login, listing and ending the caller's sessions. The
 * rotation of refresh tokens is {@link SessionRefresh}.
 */
@ApplicationScoped
public class SessionService {
    static final String REASON_LOGOUT = "logout";
    static final String REASON_LOGOUT_ALL = "logout_all";
    static final String REASON_SESSION_DELETED = "session_deleted";
    static final String REASON_REUSE = "refresh_token_reused";

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final TokenService tokens;
    private final Revocations revocations;
    private final AuthConfig config;
    private final Clock clock;

    public SessionService(
            SessionRepository sessions,
            RefreshTokenRepository refreshTokens,
            TokenService tokens,
            Revocations revocations,
            AuthConfig config,
            Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.revocations = revocations;
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

    /** When a session ends at the latest: its login plus the absolute session lifetime. */
    Instant endOfLife(UserSession session) {
        return session.createdAt.plus(config.sessions().maxAge());
    }

    /** A refresh extends the session by the refresh-token lifetime, never past its end of life. */
    Instant nextExpiry(UserSession session, Instant now) {
        Instant byRefresh = now.plus(config.tokens().refreshTtl());
        Instant end = endOfLife(session);
        return byRefresh.isBefore(end) ? byRefresh : end;
    }

    IssuedTokens issue(User user, UserSession session, Instant now) {
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
