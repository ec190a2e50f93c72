package dev.patriotforge.quote.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** quote-service settings; the FORGE_* variables behind them are in application.properties. */
@ConfigMapping(prefix = "forge.quote")
public interface QuoteConfig {
    Idempotency idempotency();

    Expiry expiry();

    /** Idempotent creates. */
    interface Idempotency {
        /** How long a key and the first response are kept ({@code FORGE_QUOTE_IDEMPOTENCY_TTL}). */
        @WithDefault("PT24H")
        Duration retention();

        /**
         * How long a key stays claimed by a request that is still running; bounds the wait after a
         * crash mid-request ({@code FORGE_QUOTE_IDEMPOTENCY_LOCK_TTL}).
         */
        @WithDefault("PT60S")
        Duration lockTtl();
    }

    /** The sweep that expires priced quotes past valid_until. */
    interface Expiry {
        /** Time between sweeps ({@code FORGE_QUOTE_EXPIRY_INTERVAL}). */
        @WithDefault("60s")
        Duration interval();

        /** Quotes expired per transaction ({@code FORGE_QUOTE_EXPIRY_BATCH_SIZE}). */
        @WithDefault("500")
        int batchSize();
    }
}
