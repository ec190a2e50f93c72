package dev.patriotforge.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.patriotforge.testsupport.mail.Mail;
import dev.patriotforge.testsupport.mail.Mailbox;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads what auth-service mailed, from the real SMTP server's store (test-support's Mailbox), and
 * takes the tokens out of the links in it.
 */
public final class Mails {
    /** How long a mail may take: the dispatcher runs every second, SMTP is local. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    public static final String VERIFY = "Confirm your email address";
    public static final String RESET = "Reset your password";
    public static final String CHANGE_CONFIRM = "Confirm your new email address";
    public static final String CHANGE_NOTICE = "Your email address is being changed";

    private Mails() {}

    /** Waits until {@code to} has at least {@code n} mails with this subject; the newest. */
    public static Mail nth(String to, String subject, int n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Mail> matching = withSubject(to, subject);
            if (matching.size() >= n) {
                return matching.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no " + n + " mail(s) '" + subject + "' for " + to + " within " + WAIT);
            }
            sleep(200);
        }
    }

    /** The first mail with this subject (waits for it). */
    public static Mail first(String to, String subject) {
        return nth(to, subject, 1);
    }

    /** Every mail with this subject to this address, newest first. */
    public static List<Mail> withSubject(String to, String subject) {
        return Mailbox.messages(to).stream().filter(m -> m.subject().equals(subject)).toList();
    }

    /** Asserts that no more than {@code n} such mails arrive within {@code wait}. */
    public static void noMoreThan(String to, String subject, int n, Duration wait) {
        sleep(wait.toMillis());
        assertThat(withSubject(to, subject)).as("mails '%s' to %s", subject, to).hasSize(n);
    }

    /** The token of the mail's link to {@code path} (e.g. {@code /reset-password}). */
    public static String token(Mail mail, String path) {
        String link =
                mail.links().stream()
                        .filter(l -> l.contains(path + "?token="))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no link to " + path + " in mail"));
        assertThat(link).startsWith(publicUrl());
        return link.substring(link.indexOf("?token=") + "?token=".length());
    }

    public static String verifyToken(Mail mail) {
        return token(mail, "/verify-email");
    }

    public static String resetToken(Mail mail) {
        return token(mail, "/reset-password");
    }

    /** The public origin links start with (the test profile's FORGE_PUBLIC_URL). */
    public static String publicUrl() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("forge.auth.mail.public-url", String.class);
    }

    public static Map<String, String> tokenBody(String token) {
        return Map.of("token", token);
    }

    /** The email_verified claim of an access token. */
    public static Boolean emailVerifiedClaim(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getBooleanClaim("email_verified");
        } catch (ParseException e) {
            throw new AssertionError("not a JWT", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
