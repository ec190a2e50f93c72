package dev.patriotforge.auth.service;

import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.KeysetCursor;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.error.UserNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What admins do with accounts: list, read, change the role (which revokes the user's sessions),
 * soft-delete (which revokes them too and frees the email). Each first checks the caller against
 * the rows (see {@link AdminAuthority}); the last live admin can be neither demoted nor deleted.
 */
@ApplicationScoped
public class UserAdminService {
    private static final Logger LOG = Logger.getLogger(UserAdminService.class);
    static final String REASON_ROLE_CHANGED = "role_changed";
    static final String REASON_USER_DELETED = "user_deleted";

    private final UserRepository users;
    private final SessionService sessions;
    private final AdminAuthority authority;

    public UserAdminService(
            UserRepository users, SessionService sessions, AdminAuthority authority) {
        this.users = users;
        this.sessions = sessions;
        this.authority = authority;
    }

    /** A page of live users, newest first, optionally filtered by exact email and by role. */
    @Transactional
    public CursorPage<UserView> list(Caller caller, String email, String role, PageRequest page) {
        authority.require(caller);
        Inputs in = new Inputs();
        String emailFilter = email == null ? null : Inputs.normalizeEmail(email);
        String roleFilter = role == null ? null : in.role("role", role);
        in.check();
        List<User> rows = users.page(emailFilter, roleFilter, page.after(), page.limit() + 1);
        return CursorPage.of(
                rows, page.limit(), u -> new KeysetCursor(u.createdAt, u.id), UserView::of);
    }

    @Transactional
    public UserView get(Caller caller, UUID id) {
        authority.require(caller);
        return UserView.of(users.findLive(id).orElseThrow(UserNotFound::new));
    }

    /** Sets the role; when it changes, every session of the user is revoked. */
    @Transactional
    public UserView changeRole(Caller caller, UUID id, String rawRole) {
        Inputs in = new Inputs();
        String role = in.role("role", rawRole);
        in.check();
        authority.requireForChange(caller);
        User user = users.findLiveForUpdate(id).orElseThrow(UserNotFound::new);
        if (!user.role.equals(role)) {
            authority.keepOne(user);
            user.role = role;
            user.updatedAt = sessions.now();
            sessions.endAll(user.id, REASON_ROLE_CHANGED);
            users.flush();
            LOG.infof("User %s now has role %s", user.id, role);
        }
        return UserView.of(user);
    }

    /** Soft-deletes the user and revokes every session; the email may register again. */
    @Transactional
    public void delete(Caller caller, UUID id) {
        authority.requireForChange(caller);
        User user = users.findLiveForUpdate(id).orElseThrow(UserNotFound::new);
        authority.keepOne(user);
        user.deletedAt = sessions.now();
        user.updatedAt = user.deletedAt;
        sessions.endAll(user.id, REASON_USER_DELETED);
        LOG.infof("User %s deleted", user.id);
    }
}
