package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.security.LoginThrottle;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.shared.error.EmailNotVerified;
import dev.patriotforge.shared.error.InvalidCredentials;
import dev.patriotforge.shared.error.RateLimited;
import dev.patriotforge.shared.error.TokenRevoked;
import dev.patriotforge.shared.error.TooManyAttempts;
import dev.patriotforge.shared.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registration, login, and what a signed-in user does with their own account. Password hashing runs
 * outside any database transaction, on the bounded hashing pool.
 */
@ApplicationScoped
public class AuthService {
    private static final Logger LOG = Logger.getLogger(AuthService.class);

    private final UserRepository users;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final AuthMetrics metrics;
    private final LoginPauses pauses;
    private final ActionMails mails;
    private final MfaLogin mfa;
    private final boolean requireVerifiedEmail;

    public AuthService(
            UserRepository users,
            Accounts accounts,
            PasswordHasher hasher,
            PasswordPolicy policy,
            LoginThrottle throttle,
            SessionService sessions,
            AuthMetrics metrics,
            LoginPauses pauses,
            ActionMails mails,
            MfaLogin mfa,
            AuthConfig config) {
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.sessions = sessions;
        this.metrics = metrics;
        this.pauses = pauses;
        this.mails = mails;
        this.mfa = mfa;
        this.requireVerifiedEmail = config.recovery().requireVerifiedEmail();
    }

    /** Creates a customer account and mails it a verification token (same transaction). */
    public UserView register(
            String rawEmail, Secret password, String rawDisplayName, ClientInfo client) {
        Inputs in = new Inputs();
        String email = in.email("email", rawEmail);
        String displayName = in.displayName("display_name", rawDisplayName);
        policy.problemWith(password, email).ifPresent(problem -> in.reject("password", problem));
        in.check();
        throttle.consumeIpRegistration(client.ip());
        accounts.requireEmailFree(email);
        String hash = hasher.hash(password);
        UserView user =
                accounts.create(
                        email, displayName, Roles.CUSTOMER, hash, false, mails::verification);
        LOG.infof("Registered user %s", user.id());
        return user;
    }

    /**
     * Checks the password and opens a session. Unknown emails spend one hash like known ones and
     * get the same 401, and count towards the same lockout, so the answer reveals nothing.
     *
     * <p>The attempt is counted against the account and the client IP before the password is
     * verified (and refused, unverified, when it cannot be counted). The session is written under
     * the user's row lock, and only if the password hash and role are still the ones the password
     * was verified against: a login that raced a credential change opens nothing.
     *
     * <p>For an account with TOTP on, the right password opens no session: it gets an {@code
     * mfa_token} for {@link MfaLogin#complete}, and the account's earlier failures stay counted.
     */
    public LoginResult login(String rawEmail, Secret password, ClientInfo client) {
        String email = Inputs.normalizeEmail(rawEmail);
        if (!PasswordPolicy.withinMaxLength(password)) {
            // No stored password is this long: refused as a wrong one, without hashing.
            metrics.login("invalid_credentials");
            throw new InvalidCredentials();
        }
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.admitLogin(email, client.ip());
        } catch (RateLimited e) {
            metrics.login("rate_limited");
            throw e;
        } catch (TooManyAttempts e) {
            metrics.login("locked");
            throw e;
        }
        User user = accounts.findLive(email);
        PasswordHasher.Verdict verdict;
        if (user == null) {
            hasher.verifyNothing(password);
            verdict = PasswordHasher.Verdict.MISMATCH;
        } else {
            verdict = hasher.verify(password, user.passwordHash);
        }
        if (!verdict.matches()) {
            failed(attempt, client);
            metrics.login("invalid_credentials");
            throw new InvalidCredentials();
        }
        if (user.mfaEnabled()) {
            attempt.passedFirstStep();
        } else {
            attempt.succeeded();
        }
        if (refusesUnverified(user)) {
            metrics.login("email_not_verified");
            throw new EmailNotVerified();
        }
        String rehash =
                verdict == PasswordHasher.Verdict.MATCH_NEEDS_REHASH ? hasher.hash(password) : null;
        UUID userId = user.id;
        String verifiedHash = user.passwordHash;
        String verifiedRole = user.role;
        pauses.verified(userId);
        LoginResult result =
                QuarkusTransaction.requiringNew()
                        .call(
                                () -> {
                                    User live = users.findLiveForUpdate(userId).orElse(null);
                                    if (live == null || !live.role.equals(verifiedRole)) {
                                        return null;
                                    }
                                    if (!live.passwordHash.equals(verifiedHash)) {
                                        // Changed since the check: by a password change (the
                                        // password no longer matches), or by a parallel login's
                                        // rehash of the same password (it still does).
                                        if (!hasher.verify(password, live.passwordHash).matches()) {
                                            return null;
                                        }
                                    } else if (rehash != null) {
                                        live.passwordHash = rehash;
                                    }
                                    LoginResult opened =
                                            live.mfaEnabled()
                                                    ? mfa.challenge(live)
                                                    : LoginResult.of(
                                                            sessions.open(
                                                                    live,
                                                                    client,
                                                                    SessionService.AMR_PASSWORD));
                                    users.flush();
                                    pauses.sessionWritten(userId);
                                    return opened;
                                });
        if (result == null) {
            metrics.login("invalid_credentials");
            LOG.infof("Login of user %s raced a change of its credentials; no session", userId);
            throw new InvalidCredentials();
        }
        if (result.mfaRequired()) {
            metrics.login("mfa_required");
            LOG.infof("Login of user %s passed its password; a TOTP code is due", userId);
            return result;
        }
        metrics.login("success");
        LOG.infof("Login of user %s opened session %s", userId, result.tokens().sessionId());
        return result;
    }

    /**
     * With {@code FORGE_AUTH_REQUIRE_VERIFIED_EMAIL}, the right password of an account whose
     * address is not confirmed opens no session (403 {@code email_not_verified}); decided only
     * after the password matched, so a wrong password stays 401.
     */
    static boolean refusesUnverified(boolean required, boolean emailVerified) {
        return required && !emailVerified;
    }

    private boolean refusesUnverified(User user) {
        return refusesUnverified(requireVerifiedEmail, user.emailVerified);
    }

    private void failed(LoginThrottle.Attempt attempt, ClientInfo client) {
        LOG.debugf("Failed login from %s", client.ip());
        attempt.failed();
        if (attempt.locksOnFailure()) {
            metrics.lockout();
            LOG.infof(
                    "An account is locked after repeated failed logins (last from %s)",
                    client.ip());
        }
    }

    /**
     * The caller's account: one SELECT in autocommit, outside a transaction (it writes nothing).
     */
    public UserView me(Caller caller) {
        return UserView.of(live(caller));
    }

    @Transactional
    public UserView updateMe(Caller caller, String rawDisplayName) {
        Inputs in = new Inputs();
        String displayName = in.displayName("display_name", rawDisplayName);
        in.check();
        User user = live(caller);
        if (!user.displayName.equals(displayName)) {
            user.displayName = displayName;
            user.updatedAt = sessions.now();
            users.flush();
        }
        return UserView.of(user);
    }

    private User live(Caller caller) {
        return users.findLive(caller.userId()).orElseThrow(TokenRevoked::new);
    }
}
