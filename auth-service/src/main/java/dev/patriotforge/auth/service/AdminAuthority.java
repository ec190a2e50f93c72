package dev.patriotforge.auth.service;

import dev.patriotforge.auth.domain.AdminRows;
import dev.patriotforge.auth.domain.SessionRepository;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.domain.UserSession;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.shared.error.Forbidden;
import dev.patriotforge.shared.error.LastAdmin;
import dev.patriotforge.shared.error.TokenExpired;
import dev.patriotforge.shared.error.TokenRevoked;
import dev.patriotforge.shared.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Who may administer accounts, decided from auth-service's own rows rather than the token: the
 * caller's session must be live and their current role admin. A token whose role claim or Redis
 * mark lags behind a demotion, a deletion or a revocation is refused here.
 */
@ApplicationScoped
public class AdminAuthority {
    private final SessionRepository sessionRows;
    private final UserRepository users;
    private final AdminRows admins;
    private final SessionService sessions;

    public AdminAuthority(
            SessionRepository sessionRows,
            UserRepository users,
            AdminRows admins,
            SessionService sessions) {
        this.sessionRows = sessionRows;
        this.users = users;
        this.admins = admins;
        this.sessions = sessions;
    }

    /**
     * In the caller's transaction: 401 {@code token_revoked} when the session has ended (or the
     * account is gone), 401 {@code token_expired} when it is past its lifetime, 403 {@code
     * forbidden} when the account is no longer an admin.
     */
    void require(Caller caller) {
        Instant now = sessions.now();
        UserSession session = sessionRows.peek(caller.sessionId()).orElse(null);
        if (session == null
                || !session.userId.equals(caller.userId())
                || session.deletedAt != null) {
            throw new TokenRevoked();
        }
        if (!session.isLive(now) || !sessions.endOfLife(session).isAfter(now)) {
            throw new TokenExpired();
        }
        User user = users.findLive(caller.userId()).orElseThrow(TokenRevoked::new);
        if (!Roles.ADMIN.equals(user.role)) {
            throw new Forbidden();
        }
    }

    /**
     * For a change that could remove an admin: takes the admins' lock (held to the end of the
     * transaction), then checks the caller as {@link #require} does, under the lock, so that two
     * admins demoting each other at once are decided one after the other.
     */
    void requireForChange(Caller caller) {
        admins.lock();
        require(caller);
    }

    /** Refuses (409 {@code last_admin}) to take the admin role from the last live admin. */
    void keepOne(User target) {
        if (Roles.ADMIN.equals(target.role) && admins.countLive() <= 1) {
            throw new LastAdmin();
        }
    }
}
