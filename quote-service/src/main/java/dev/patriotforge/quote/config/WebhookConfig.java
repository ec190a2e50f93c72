package dev.patriotforge.quote.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Webhook settings (contract section 3.2). The FORGE_* variable behind each, and its default, are
 * in application.properties.
 */
@ConfigMapping(prefix = "forge.webhook")
public interface WebhookConfig {
    /**
     * {@code FORGE_WEBHOOK_ENCRYPTION_KEY}: base64 of the 256-bit AES key of the signing secrets;
     * required in prod, generated into {@link #devKeyDirectory()} elsewhere.
     */
    Optional<String> encryptionKey();

    /** Where a development key is kept when none is configured (not in prod). */
    Path devKeyDirectory();

    /**
     * {@code FORGE_WEBHOOK_ALLOW_PRIVATE}: lifts the https and the address rules (local runs and
     * tests only; never in production).
     */
    boolean allowPrivate();

    /** {@code FORGE_WEBHOOK_RETRY_BASE}: the first retry's delay; each next one doubles. */
    Duration retryBase();

    /** {@code FORGE_WEBHOOK_RETRY_FOR}: how long after the event it is retried, then failed. */
    Duration retryFor();

    /** {@code FORGE_WEBHOOK_TIMEOUT}: a 2xx within this time is a success. */
    Duration timeout();

    /**
     * {@code FORGE_WEBHOOK_LEASE}: how long a dispatcher's claim keeps other replicas off a
     * delivery; longer than the timeout, so that only a dead dispatcher's claim runs out.
     */
    Duration lease();

    /** Time between the dispatcher's polls ({@code FORGE_WEBHOOK_POLL_INTERVAL}). */
    Duration pollInterval();

    /** Time between purges ({@code FORGE_WEBHOOK_PURGE_INTERVAL}). */
    Duration purgeInterval();

    /** Deliveries claimed per poll ({@code FORGE_WEBHOOK_BATCH_SIZE}). */
    int batchSize();

    /**
     * Attempts in flight per subscription, over all replicas ({@code FORGE_WEBHOOK_PER_TARGET}).
     */
    int perSubscription();

    /** Attempts in flight per replica ({@code FORGE_WEBHOOK_MAX_IN_FLIGHT}). */
    int maxInFlight();

    /** How long finished deliveries and their events are kept ({@code FORGE_WEBHOOK_RETENTION}). */
    Duration retention();

    /** Subscriptions at most ({@code FORGE_WEBHOOK_MAX_SUBSCRIPTIONS}); more get 409. */
    int maxSubscriptions();
}
