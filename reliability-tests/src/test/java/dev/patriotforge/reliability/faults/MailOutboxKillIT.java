package dev.patriotforge.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.ClusterTest;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.mail.Mail;
import dev.patriotforge.testsupport.mail.Mailbox;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A committed mail survives SIGKILL of auth-service between commit and send: with the SMTP server
 * frozen (SIGSTOP: it accepts connections but never answers), a password reset is asked for; its
 * outbox row commits and a dispatcher claims it and hangs in the send; both auth replicas are
 * killed (SIGKILL). The SMTP server resumes, the replicas restart, and once the dead claim's lease
 * (15 s here) runs out the mail is sent: exactly once, with a token that works.
 */
@Order(65)
class MailOutboxKillIT extends ClusterTest {
    private static final String RESET = "Reset your password";

    @Test
    void aMailCommittedBeforeSigkillIsSentOnceAfterTheRestart() throws Exception {
        Api auth = Api.direct(cluster.url("auth-a"));
        Api.Account account = auth.newAccount("outbox-kill");
        // The registration mail goes out normally first (the SMTP server works).
        Mailbox.await(account.email(), "Confirm your email", Duration.ofSeconds(60));

        cluster.ctl("smtp-freeze");
        try {
            Response forgot =
                    auth.request()
                            .body(Map.of("email", account.email()))
                            .post("/api/auth/password/forgot");
            assertThat(forgot.statusCode()).as(forgot.asString()).isEqualTo(202);
            // Committed, and claimed by a dispatcher whose send now hangs on the frozen server.
            awaitRow(account.email(), "attempts >= 1 AND sent_at IS NULL", Duration.ofSeconds(30));
            for (String name : Cluster.AUTH) {
                cluster.ctl("kill", name);
            }
            assertThat(row(account.email(), "sent_at IS NULL")).isTrue();
        } finally {
            cluster.ctl("smtp-thaw");
        }
        for (String name : Cluster.AUTH) {
            cluster.ctl("start", name);
        }

        Mail mail =
                Mailbox.await(
                        account.email(), m -> m.subject().equals(RESET), Duration.ofMinutes(2));
        String token = mail.token("/reset-password");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        Thread.sleep(5_000);
        assertThat(
                        Mailbox.messages(account.email()).stream()
                                .filter(m -> m.subject().equals(RESET)))
                .as("the reset mail arrived exactly once")
                .hasSize(1);
        awaitRow(
                account.email(), "sent_at IS NOT NULL AND payload IS NULL", Duration.ofSeconds(10));

        Response reset =
                auth.at(cluster.url("auth-b"))
                        .request()
                        .body(
                                Map.of(
                                        "token",
                                        token,
                                        "new_password",
                                        Api.newCredentials().password()))
                        .post("/api/auth/password/reset");
        assertThat(reset.statusCode()).as(reset.asString()).isEqualTo(204);
    }

    private void awaitRow(String email, String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!row(email, condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no reset mail row where " + condition + " in " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private boolean row(String email, String condition) throws SQLException {
        try (Connection c = cluster.authDb();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT 1 FROM auth.forge_mail_outbox WHERE recipient = ? AND kind"
                                        + " = 'password_reset' AND "
                                        + condition); ) {
            s.setString(1, email);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
