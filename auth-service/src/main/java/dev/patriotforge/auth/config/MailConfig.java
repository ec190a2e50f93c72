package dev.patriotforge.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The mail outbox and its dispatcher. The SMTP connection itself is Quarkus Mailer's ({@code
 * quarkus.mailer.*}, set from {@code FORGE_SMTP_*} in application.properties).
 */
@ConfigMapping(prefix = "forge.auth.mail")
public interface MailConfig {
    /** {@code FORGE_PUBLIC_URL}: where links in mail point (the gateway's public origin). */
    String publicUrl();

    /** How often the dispatcher looks for due mail (a Quarkus scheduler interval). */
    @WithDefault("1s")
    String dispatchEvery();

    /** Mails claimed per dispatcher run. */
    @WithDefault("20")
    int batch();

    /**
     * How long a claim holds a mail: a replica that died after claiming it leaves it to the next
     * run after this. Longer than the SMTP timeout ({@code quarkus.mailer.timeout}).
     */
    @WithDefault("PT1M")
    Duration lease();

    /** The wait after the first failed attempt; it doubles with each further one. */
    @WithDefault("PT5S")
    Duration backoff();

    /** The longest wait between two attempts. */
    @WithDefault("PT10M")
    Duration backoffCap();

    /** A mail not sent this long after it was written is given up (its link has expired). */
    @WithDefault("PT24H")
    Duration giveUpAfter();

    /** {@code FORGE_AUTH_MAIL_RETENTION}: sent and given-up rows are deleted after this. */
    Duration retention();
}
