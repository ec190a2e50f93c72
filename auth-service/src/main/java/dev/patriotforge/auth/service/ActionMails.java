package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.mail.MailKind;
import dev.patriotforge.auth.mail.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The mails that carry a one-time token: each issues the token (voiding the user's earlier one of
 * that kind) and writes the mail with its link to the outbox, in the caller's transaction, so that
 * the token and its mail commit together or not at all.
 */
@ApplicationScoped
public class ActionMails {
    private final ActionTokens tokens;
    private final Outbox outbox;
    private final MailLinks links;
    private final AuthConfig.Recovery config;

    public ActionMails(ActionTokens tokens, Outbox outbox, MailLinks links, AuthConfig config) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.links = links;
        this.config = config.recovery();
    }

    /** The verification mail: a link that confirms the user's current address. */
    @Transactional(Transactional.TxType.MANDATORY)
    void verification(User user, Instant now) {
        String token = tokens.issue(user.id, ActionTokens.VERIFY, null, now);
        mail(
                user,
                user.email,
                MailKind.VERIFY_EMAIL,
                links::verifyEmail,
                token,
                config.verifyTokenTtl(),
                now);
    }

    /** The password reset mail. */
    @Transactional(Transactional.TxType.MANDATORY)
    void passwordReset(User user, Instant now) {
        String token = tokens.issue(user.id, ActionTokens.RESET, null, now);
        mail(
                user,
                user.email,
                MailKind.PASSWORD_RESET,
                links::resetPassword,
                token,
                config.resetTokenTtl(),
                now);
    }

    /**
     * An email change: the confirmation link to the new address, and a notice (with the way to a
     * password reset) to the old one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void emailChange(User user, String newEmail, Instant now) {
        String token = tokens.issue(user.id, ActionTokens.EMAIL_CHANGE, newEmail, now);
        mail(
                user,
                newEmail,
                MailKind.EMAIL_CHANGE_CONFIRM,
                links::verifyEmail,
                token,
                config.emailChangeTokenTtl(),
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

    private void mail(
            User user,
            String to,
            MailKind kind,
            UnaryOperator<String> link,
            String token,
            Duration ttl,
            Instant now) {
        outbox.enqueue(
                to,
                kind,
                Map.of(
                        "display_name", user.displayName,
                        "link", link.apply(token),
                        "expires_in", MailLinks.human(ttl)),
                now);
    }
}
