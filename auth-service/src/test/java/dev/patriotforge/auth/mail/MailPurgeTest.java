package dev.patriotforge.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import dev.patriotforge.auth.support.Mails;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The mail purge (scheduled with the session purge; called directly here) deletes mails sent and
 * one-time tokens expired longer ago than the mail retention (7 days), and keeps the recent ones.
 */
@QuarkusTest
class MailPurgeTest {
    @Inject MailPurge purge;
    @Inject AuthDb db;

    @Test
    void mailsAndTokensPastTheRetentionGoAndRecentOnesStay() throws InterruptedException {
        Api.Account old = Api.register("mail-purge-old");
        Api.Account recent = Api.register("mail-purge-recent");
        Mails.first(old.email(), Mails.VERIFY);
        Mails.first(recent.email(), Mails.VERIFY);
        // The sent mark commits a moment after the SMTP server accepted the mail.
        for (int i = 0; i < 50 && sentMails(recent) < 1; i++) {
            Thread.sleep(100);
        }
        assertThat(sentMails(recent)).isEqualTo(1);
        db.update(
                "UPDATE auth.forge_mail_outbox SET sent_at = now() - interval '8 days' WHERE"
                        + " recipient = ?",
                old.email());
        db.update(
                "UPDATE auth.forge_action_tokens SET expires_at = now() - interval '8 days' WHERE"
                        + " user_id = ?",
                UUID.fromString(old.id()));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

        assertThat(mails(old)).isZero();
        assertThat(tokens(old)).isZero();
        assertThat(sentMails(recent)).isEqualTo(1);
        assertThat(tokens(recent)).isEqualTo(1);
    }

    private long mails(Api.Account account) {
        return db.count(
                "SELECT count(*) FROM auth.forge_mail_outbox WHERE recipient = ?", account.email());
    }

    private long sentMails(Api.Account account) {
        return db.count(
                "SELECT count(*) FROM auth.forge_mail_outbox WHERE recipient = ? AND sent_at IS"
                        + " NOT NULL",
                account.email());
    }

    private long tokens(Api.Account account) {
        return db.count(
                "SELECT count(*) FROM auth.forge_action_tokens WHERE user_id = ?",
                UUID.fromString(account.id()));
    }
}
