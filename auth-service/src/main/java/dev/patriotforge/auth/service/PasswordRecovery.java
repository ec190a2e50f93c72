package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.security.LoginThrottle;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.security.SlidingWindows;
import dev.patriotforge.shared.error.ActionTokenInvalid;
import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Forgotten passwords. /password/forgot does the same work for every address (counts the request
 * per IP and per address, then hands the rest off), so its answer and its time say nothing about
 * the account; past a limit it silently mails nothing. /password/reset spends the mailed token,
 * sets the password, ends every session, clears the lockout and marks the address verified.
 */
@ApplicationScoped
public class PasswordRecovery {
    private static final Logger LOG = Logger.getLogger(PasswordRecovery.class);
    static final String REASON_PASSWORD_RESET = "password_reset";

    private final UserRepository users;
    private final Accounts accounts;
    private final ActionTokens tokens;
    private final ActionMails mails;
    private final SlidingWindows windows;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionService sessions;
    private final DeferredWork deferred;
    private final AuthMetrics metrics;
    private final AuthConfig.Recovery config;
    private final Clock clock;

    public PasswordRecovery(
            UserRepository users,
            Accounts accounts,
            ActionTokens tokens,
            ActionMails mails,
            SlidingWindows windows,
            LoginThrottle throttle,
            PasswordHasher hasher,
            PasswordPolicy policy,
            SessionService sessions,
            DeferredWork deferred,
            AuthMetrics metrics,
            AuthConfig config,
            Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.windows = windows;
        this.throttle = throttle;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.deferred = deferred;
        this.metrics = metrics;
        this.config = config.recovery();
        this.clock = clock;
    }

    /** Counts the request, then (within the limits) mails a reset token if the account exists. */
    public void forgot(String rawEmail, ClientInfo client) {
        Inputs in = new Inputs();
        String email = in.email("email", rawEmail);
        in.check();
        boolean admitted =
                throttle.tryIpPasswordForgot(client.ip())
                        && windows.tryConsume(
                                RedisKeys.auth("mail", "forgot", LoginThrottle.digest(email)),
                                config.forgotPerEmail(),
                                config.window());
        if (!admitted) {
            metrics.passwordForgot("limited");
            LOG.debugf("A password reset request from %s is past a limit; no mail", client.ip());
            return;
        }
        metrics.passwordForgot("admitted");
        deferred.submit("password-reset-mail", () -> mailReset(email));
    }

    private void mailReset(String email) {
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            User found = users.findLiveByEmail(email).orElse(null);
                            if (found == null) {
                                return;
                            }
                            User user = users.findLiveForUpdate(found.id).orElse(null);
                            if (user == null) {
                                return;
                            }
                            mails.passwordReset(user, now());
                            LOG.infof("Mailed a password reset token to user %s", user.id);
                        });
    }

    /**
     * 422 {@code action_token_invalid} for a bad, expired or used token (checked before the
     * password is hashed), 422 {@code validation_failed} for a password the policy refuses. The
     * password is written under the user's row lock, like a password change, so a login racing the
     * reset never opens a session on the old hash.
     */
    public void reset(Secret rawToken, Secret newPassword) {
        ActionTokens.Found token =
                QuarkusTransaction.requiringNew()
                        .call(() -> tokens.find(rawToken, List.of(ActionTokens.RESET), now()));
        User user = accounts.findLive(token.userId());
        if (user == null) {
            throw new ActionTokenInvalid();
        }
        Inputs in = new Inputs();
        policy.problemWith(newPassword, user.email).ifPresent(p -> in.reject("new_password", p));
        in.check();
        String hash = hasher.hash(newPassword);
        throttle.clearLockout(user.email);
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            Instant now = now();
                            User live =
                                    users.findLiveForUpdate(user.id)
                                            .orElseThrow(ActionTokenInvalid::new);
                            tokens.consume(token, now);
                            live.passwordHash = hash;
                            live.emailVerified = true;
                            live.updatedAt = now;
                            tokens.voidAll(live.id, now);
                            sessions.endAll(live.id, REASON_PASSWORD_RESET);
                        });
        LOG.infof("User %s reset their password; every session ended", user.id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
