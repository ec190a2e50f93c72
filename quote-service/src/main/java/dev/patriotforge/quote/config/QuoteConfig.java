package dev.patriotforge.quote.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * quote-service settings. The FORGE_* variable behind each, and its default, are in
 * application.properties (written once, there).
 */
@ConfigMapping(prefix = "forge.quote")
public interface QuoteConfig {
    Idempotency idempotency();

    Limits limits();

    Lists lists();

    Expiry expiry();

    Documents documents();

    /** Idempotent creates: records in the service's own database, one per caller and key. */
    interface Idempotency {
        /** How long a key and the first response are kept ({@code FORGE_QUOTE_IDEMPOTENCY_TTL}). */
        Duration retention();

        /**
         * Time between purges of older records ({@code FORGE_QUOTE_IDEMPOTENCY_PURGE_INTERVAL}).
         */
        Duration purgeInterval();

        /** Records deleted per purge transaction ({@code FORGE_QUOTE_IDEMPOTENCY_PURGE_BATCH}). */
        int purgeBatchSize();
    }

    /** What one user may create and keep. */
    interface Limits {
        /** Creates per user per window ({@code FORGE_QUOTE_CREATE_RATE}); more get 429. */
        int createRate();

        /** The window of the create rate ({@code FORGE_QUOTE_CREATE_RATE_WINDOW}). */
        Duration createRateWindow();

        /**
         * Open quotes (draft, submitted, priced) per customer ({@code
         * FORGE_QUOTE_MAX_OPEN_PER_CUSTOMER}); a create beyond it gets 409 quota_exceeded.
         */
        int maxOpenPerCustomer();
    }

    /** Lists of quotes. */
    interface Lists {
        /**
         * The most text (UTF-8 bytes of titles, notes, item descriptions and units) one page of
         * quotes holds ({@code FORGE_QUOTE_LIST_PAGE_TEXT_BYTES}); a page of large quotes ends
         * before {@code limit}, with a next_cursor. Bounds the memory of a list request.
         */
        long maxPageTextBytes();
    }

    /** The sweep that expires priced quotes past valid_until. */
    interface Expiry {
        /** Time between sweeps ({@code FORGE_QUOTE_EXPIRY_INTERVAL}). */
        Duration interval();

        /** Quotes expired per transaction ({@code FORGE_QUOTE_EXPIRY_BATCH_SIZE}). */
        int batchSize();
    }

    /** The quote documents (PDF, contract section 3.1). */
    interface Documents {
        /** The seller named on every document ({@code FORGE_SELLER_NAME}). */
        String sellerName();
    }
}
