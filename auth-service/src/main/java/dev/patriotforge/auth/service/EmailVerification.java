package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.security.SlidingWindows;
import dev.patriotforge.common.failure.Causes;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.shared.error.ActionTokenInvalid;
import dev.patriotforge.shared.error.DuplicateEmail;
import dev.patriotforge.shared.error.TokenRevoked;
import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Confirming an address: the verification mail (at registration and on request) and /email/verify,
 * which also confirms an email change (the change itself is asked for in {@link EmailChanges}).
 */
@ApplicationScoped
public class EmailVerification {
    private static final Logger LOG = Logger.getLogger(EmailVerification.class);

    private final UserRepository users;
    private final Accounts accounts;
    private final ActionTokens tokens;
    private final ActionMails mails;
    private final SlidingWindows windows;
    private final AuthConfig.Recovery config;
    private final Clock clock;

    public EmailVerification(
            UserRepository users,
            Accounts accounts,
            ActionTokens tokens,
            ActionMails mails,
            SlidingWindows windows,
            AuthConfig config,
            Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.windows = windows;
        this.config = config.recovery();
        this.clock = clock;
    }

    /**
     * Mails a new verification token (the earlier one stops working): at most {@code
     * resendsPerUser} in the window, counted first (429 beyond). An address already confirmed gets
     * no mail.
     */
    public void resend(Caller caller) {
        if (accounts.findLive(caller.userId()) == null) {
            throw new TokenRevoked();
        }
        windows.consume(
                RedisKeys.auth("mail", "resend", caller.userId().toString()),
                config.resendsPerUser(),
                config.window());
        boolean mailed =
                QuarkusTransaction.requiringNew()
                        .call(
                                () -> {
                                    User user =
                                            users.findLiveForUpdate(caller.userId())
                                                    .orElseThrow(TokenRevoked::new);
                                    if (user.emailVerified) {
                                        return false;
                                    }
                                    mails.verification(user, now());
                                    return true;
                                });
        LOG.infof(
                "User %s asked for a verification mail (%s)",
                caller.userId(), mailed ? "mailed" : "already verified");
    }

    /**
     * Spends a verification or email-change token and confirms the address it was mailed to. An
     * email change takes effect here (409 {@code duplicate_email} if the address was taken
     * meanwhile; the token then stays usable) and voids the user's other open tokens.
     */
    public UserView verify(Secret token) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> confirm(token));
        } catch (RuntimeException e) {
            if (Causes.isUniqueViolation(e)) {
                throw new DuplicateEmail();
            }
            throw e;
        }
    }

    private UserView confirm(Secret raw) {
        Instant now = now();
        ActionTokens.Found token =
                tokens.find(raw, List.of(ActionTokens.VERIFY, ActionTokens.EMAIL_CHANGE), now);
        User user = users.findLiveForUpdate(token.userId()).orElseThrow(ActionTokenInvalid::new);
        tokens.consume(token, now);
        boolean change = ActionTokens.EMAIL_CHANGE.equals(token.kind());
        if (change) {
            if (users.findLiveByEmail(token.newEmail())
                    .filter(other -> !other.id.equals(user.id))
                    .isPresent()) {
                throw new DuplicateEmail();
            }
            user.email = token.newEmail();
            tokens.voidAll(user.id, now);
        }
        user.emailVerified = true;
        user.updatedAt = now;
        users.flush();
        LOG.infof("User %s confirmed %s", user.id, change ? "a new email address" : "its email");
        return UserView.of(user);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
