package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.mail.MailKind;
import dev.patriotforge.auth.mail.Outbox;
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
import java.util.Map;
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
    private final ActionTokens tokens;
    private final Outbox outbox;
    private final MailLinks links;
    private final SlidingWindows windows;
    private final PasswordChanges passwords;
    private final AuthConfig.Recovery config;
    private final Clock clock;

    public EmailChanges(
            UserRepository users,
            Accounts accounts,
            ActionTokens tokens,
            Outbox outbox,
            MailLinks links,
            SlidingWindows windows,
            PasswordChanges passwords,
            AuthConfig config,
            Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.outbox = outbox;
        this.links = links;
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
                            mail(live, newEmail, now());
                        });
        LOG.infof("User %s asked to change their email address", user.id);
    }

    private void mail(User user, String newEmail, Instant now) {
        String token = tokens.issue(user.id, ActionTokens.EMAIL_CHANGE, newEmail, now);
        outbox.enqueue(
                newEmail,
                MailKind.EMAIL_CHANGE_CONFIRM,
                Map.of(
                        "display_name", user.displayName,
                        "link", links.verifyEmail(token),
                        "expires_in", MailLinks.human(config.emailChangeTokenTtl())),
                now);
        outbox.enqueue(
                user.email,
                MailKind.EMAIL_CHANGE_NOTICE,
                Map.of(
                        "display_name",
                        user.displayName,
                        "new_email",
                        newEmail,
                        "reset_link",
                        links.forgotPassword()),
                now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
