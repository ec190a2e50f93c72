package dev.patriotforge.auth.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's own counters, in Prometheus as {@code forge_auth_logins_total{outcome}}, {@code
 * forge_auth_refreshes_total{outcome}}, {@code forge_auth_revocations_total{reason}} (sessions
 * revoked), {@code forge_auth_lockouts_total}, {@code forge_auth_mails_sent_total{kind}}, {@code
 * forge_auth_mails_failed_total{kind,outcome}} and the gauge {@code
 * forge_auth_mail_outbox_oldest_age_seconds} (how long the oldest unsent mail has waited; 0 when
 * none waits).
 */
@ApplicationScoped
public class AuthMetrics {
    private final MeterRegistry registry;
    private final Counter lockouts;
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();

    public AuthMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        Gauge.builder(
                        "forge.auth.mail.outbox.oldest.age",
                        oldestPending,
                        oldest -> ageSeconds(oldest.get(), clock))
                .description("How long the oldest mail not yet sent has waited in the outbox")
                .baseUnit("seconds")
                .register(registry);
        this.lockouts =
                Counter.builder("forge.auth.lockouts")
                        .description("Accounts locked after repeated failed logins")
                        .register(registry);
    }

    public void login(String outcome) {
        Counter.builder("forge.auth.logins")
                .description("Login attempts by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void refresh(String outcome) {
        Counter.builder("forge.auth.refreshes")
                .description("Token refreshes by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void revocations(String reason, int sessions) {
        Counter.builder("forge.auth.revocations")
                .description("Sessions revoked, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment(sessions);
    }

    public void lockout() {
        lockouts.increment();
    }

    public void mailSent(String kind) {
        Counter.builder("forge.auth.mails.sent")
                .description("Mails handed to the SMTP server, by kind")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    /** {@code outcome}: {@code retry} (tried again later) or {@code given_up}. */
    public void mailFailed(String kind, String outcome) {
        Counter.builder("forge.auth.mails.failed")
                .description("Failed attempts to send a mail, by kind and outcome")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** What the dispatcher last saw: when the oldest pending mail was written (null: none). */
    public void outboxOldest(Instant writtenAt) {
        oldestPending.set(writtenAt);
    }

    private static double ageSeconds(Instant oldest, Clock clock) {
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** Work handed off by a request that failed or was dropped ({@code outcome}). */
    public void deferred(String what, String outcome) {
        Counter.builder("forge.auth.deferred.failures")
                .description("Deferred work that failed or was dropped")
                .tag("work", what)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** /password/forgot: {@code admitted} (a mail if the account exists) or {@code limited}. */
    public void passwordForgot(String outcome) {
        Counter.builder("forge.auth.password.forgot")
                .description("Password reset requests by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
