package dev.patriotforge.auth.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's own counters, in Prometheus as {@code forge_auth_logins_total{outcome}}, {@code
 * forge_auth_refreshes_total{outcome}}, {@code forge_auth_revocations_total{reason}} (sessions
 * revoked) and {@code forge_auth_lockouts_total}.
 */
@ApplicationScoped
public class AuthMetrics {
    private final MeterRegistry registry;
    private final Counter lockouts;

    public AuthMetrics(MeterRegistry registry) {
        this.registry = registry;
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
}
