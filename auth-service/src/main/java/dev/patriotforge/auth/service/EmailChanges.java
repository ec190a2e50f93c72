package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.security.SlidingWindows;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.shared.error.InvalidCredentials;
import dev.patriotforge.shared.error.TokenRevoked;
import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Asking for an email change: after the current password, a confirmation token goes to the new
 * address and a notice to the old one. The change happens when the token comes back to
 * /email/verify ({@link EmailVerification}); sessions are not ended.
 */
@ApplicationScoped
public class EmailChanges {
    private static final Logger LOG = Logger.getLogger(EmailChanges.class);

    private final UserRepository users;
    private final Accounts accounts;
    private final ActionMails mails;
    private final SlidingWindows windows;
    private final PasswordChanges passwords;
    private final AuthConfig.Recovery config;
    private final Clock clock;

    public EmailChanges(
            UserRepository users,
            Accounts accounts,
            ActionMails mails,
            SlidingWindows windows,
            PasswordChanges passwords,
            AuthConfig config,
            Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.mails = mails;
        this.windows = windows;
        this.passwords = passwords;
        this.config = config.recovery();
        this.clock = clock;
    }

    /**
     * 422 for a bad or unchanged address; 429 past {@code emailChangesPerUser} in the window; 401
     * {@code invalid_credentials} for a wrong password (counted towards the lockout before it is
     * checked); 409 {@code duplicate_email} when the address belongs to a live account now.
     */
    public void request(Caller caller, String rawNewEmail, Secret currentPassword) {
        User user = accounts.findLive(caller.userId());
        if (user == null) {
            throw new TokenRevoked();
        }
        Inputs in = new Inputs();
        String newEmail = in.email("new_email", rawNewEmail);
        if (newEmail.equals(user.email)) {
            in.reject("new_email", "must differ from the current email");
        }
        if (!PasswordPolicy.withinMaxLength(currentPassword)) {
            in.reject(
                    "current_password",
                    "must be at most " + PasswordPolicy.MAX_LENGTH + " characters");
        }
        in.check();
        windows.consume(
                RedisKeys.auth("mail", "email-change", user.id.toString()),
                config.emailChangesPerUser(),
                config.window());
        passwords.checkCurrent(user, currentPassword);
        accounts.requireEmailFree(newEmail);
        String verifiedHash = user.passwordHash;
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            User live =
                                    users.findLiveForUpdate(user.id).orElseThrow(TokenRevoked::new);
                            if (!live.passwordHash.equals(verifiedHash)) {
                                throw new InvalidCredentials();
                            }
                            mails.emailChange(live, newEmail, now());
                        });
        LOG.infof("User %s asked to change their email address", user.id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
