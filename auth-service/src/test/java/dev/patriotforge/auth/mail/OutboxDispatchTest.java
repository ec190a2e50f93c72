package dev.patriotforge.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import dev.patriotforge.auth.support.Mails;
import dev.patriotforge.testsupport.mail.Mail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against the real outbox table and SMTP server: a claim whose sender died is sent
 * when its lease runs out, and a row another replica holds is skipped, not waited for.
 */
@QuarkusTest
@SuppressWarnings("try") // a try block holds a row lock
class OutboxDispatchTest {
    @Inject AuthDb db;
    @Inject MailDispatcher dispatcher;

    private UUID insert(String to, String link, String nextAttempt, int attempts) {
        UUID id = UUID.randomUUID();
        db.update(
                "INSERT INTO auth.forge_mail_outbox (id, recipient, kind, subject, payload,"
                        + " attempts, next_attempt_at, created_at) VALUES (?, ?, 'verify_email',"
                        + " 'Confirm your email address', ?, ?, now() + ?::interval, now())",
                id,
                to,
                "{\"display_name\":\"Outbox\",\"link\":\"" + link + "\",\"expires_in\":\"1 hour\"}",
                attempts,
                nextAttempt);
        return id;
    }

    private long pending(UUID id) {
        return db.count(
                "SELECT count(*) FROM auth.forge_mail_outbox WHERE id = ? AND sent_at IS NULL", id);
    }

    @Test
    void aMailClaimedByASenderThatDiedIsSentWhenTheLeaseRunsOut() {
        String to = Api.email("lease");
        // Claimed once (attempts = 1), its lease ran out a second ago: nobody is sending it.
        UUID id = insert(to, "https://forge.test/verify-email?token=lease", "-1 second", 1);
        Mail mail = Mails.first(to, Mails.VERIFY);
        assertThat(mail.text()).contains("https://forge.test/verify-email?token=lease");
        assertThat(pending(id)).isZero();
        assertThat(
                        db.count(
                                "SELECT count(*) FROM auth.forge_mail_outbox WHERE id = ? AND"
                                        + " payload IS NULL AND attempts = 2",
                                id))
                .as("sent on the second attempt; the link is gone from the table")
                .isEqualTo(1);
        Mails.noMoreThan(to, Mails.VERIFY, 1, Duration.ofSeconds(2));
    }

    @Test
    void aRowAnotherReplicaHoldsIsSkippedAndSentOnceReleased() throws InterruptedException {
        String to = Api.email("skip");
        // Due in 2 s: time enough to lock it before any dispatcher run may claim it.
        UUID id = insert(to, "https://forge.test/verify-email?token=skip", "2 seconds", 0);
        try (AuthDb.RowLock held = db.lockOutbox(id)) {
            Thread.sleep(2_500);
            long start = System.nanoTime();
            dispatcher.dispatch();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("the claim skips the locked row instead of waiting for it")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(pending(id)).isEqualTo(1);
            assertThat(db.count("SELECT attempts FROM auth.forge_mail_outbox WHERE id = ?", id))
                    .as("no dispatcher run claimed it while it was held")
                    .isZero();
        }
        Mails.first(to, Mails.VERIFY);
        Mails.noMoreThan(to, Mails.VERIFY, 1, Duration.ofSeconds(2));
        assertThat(pending(id)).isZero();
    }
}
