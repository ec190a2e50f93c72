package dev.patriotforge.auth.service;

import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.security.LoginThrottle;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.shared.error.InvalidCredentials;
import dev.patriotforge.shared.error.TokenRevoked;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * What a signed-in user does with their current password: prove it (before an email change) and
 * change it.
 */
@ApplicationScoped
public class PasswordChanges {
    private static final Logger LOG = Logger.getLogger(PasswordChanges.class);
    static final String REASON_PASSWORD_CHANGED = "password_changed";

    private final UserRepository users;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final AuthMetrics metrics;

    public PasswordChanges(
            UserRepository users,
            Accounts accounts,
            PasswordHasher hasher,
            PasswordPolicy policy,
            LoginThrottle throttle,
            SessionService sessions,
            AuthMetrics metrics) {
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.sessions = sessions;
        this.metrics = metrics;
    }

    /**
     * Checks the current password of a signed-in user; the check is counted towards the account's
     * lockout before it is made (429 while locked), and a wrong one is 401 {@code
     * invalid_credentials}.
     */
    void checkCurrent(User user, Secret current) {
        LoginThrottle.Attempt attempt = throttle.admitPasswordCheck(user.email);
        if (!hasher.verify(current, user.passwordHash).matches()) {
            attempt.failed();
            if (attempt.locksOnFailure()) {
                metrics.lockout();
                LOG.infof("User %s is locked after repeated wrong passwords", user.id);
            }
            throw new InvalidCredentials();
        }
        attempt.succeeded();
    }

    /**
     * Changes the password after checking the current one (a wrong one counts towards the lockout,
     * counted before the check), then ends every session of the user, the caller's own included.
     * The change is written under the user's row lock and only if the hash is still the one the
     * current password was checked against.
     */
    public void change(Caller caller, Secret current, Secret next) {
        User user = accounts.findLive(caller.userId());
        if (user == null) {
            throw new TokenRevoked();
        }
        Inputs in = new Inputs();
        if (!PasswordPolicy.withinMaxLength(current)) {
            in.reject(
                    "current_password",
                    "must be at most " + PasswordPolicy.MAX_LENGTH + " characters");
        }
        policy.problemWith(next, user.email).ifPresent(p -> in.reject("new_password", p));
        in.check();
        checkCurrent(user, current);
        String hash = hasher.hash(next);
        String verifiedHash = user.passwordHash;
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            User live =
                                    users.findLiveForUpdate(caller.userId())
                                            .orElseThrow(TokenRevoked::new);
                            if (!live.passwordHash.equals(verifiedHash)) {
                                // Changed meanwhile: the current password checked is no more.
                                throw new InvalidCredentials();
                            }
                            live.passwordHash = hash;
                            live.updatedAt = sessions.now();
                            sessions.endAll(live.id, REASON_PASSWORD_CHANGED);
                        });
        LOG.infof("User %s changed their password", caller.userId());
    }
}
