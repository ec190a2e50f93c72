package dev.patriotforge.quote.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.config.QuoteConfig;
import dev.patriotforge.quote.domain.IdempotencyRecords;
import dev.patriotforge.shared.error.IdempotencyKeyInUse;
import dev.patriotforge.shared.error.IdempotencyKeyReused;
import dev.patriotforge.shared.error.ValidationFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Creates, counted against the caller's create rate, and with {@code Idempotency-Key} at most once
 * per caller and key. The key's record lives in quote-service's own PostgreSQL ({@link
 * IdempotencyRecords}), written in the transaction that creates the quote, with the SHA-256 of the
 * body and the first response. A repeat with the same body replays that response; with another body
 * it is a 422; while the first request's transaction still runs (it holds the key's advisory lock)
 * it is a 409. A create that fails rolls its record back with it. Nothing of it is in Redis.
 */
@ApplicationScoped
public class IdempotentCreates {
    public static final int MAX_KEY_LENGTH = 255;
    private static final int CREATED = 201;

    private final QuoteService service;
    private final IdempotencyRecords records;
    private final CreateRateLimit rate;
    private final ObjectMapper json;
    private final QuoteConfig config;
    private final Clock clock;

    public IdempotentCreates(
            QuoteService service,
            IdempotencyRecords records,
            CreateRateLimit rate,
            ObjectMapper json,
            QuoteConfig config,
            Clock clock) {
        this.service = service;
        this.records = records;
        this.rate = rate;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** The outcome of a create: the quote, and whether it is a replay of an earlier response. */
    public record Created(QuoteView quote, boolean replayed) {}

    /**
     * Creates a quote; with a key ({@code idempotencyKey} not null), at most once per key. The
     * create rate is counted first, before any database work.
     */
    @Transactional
    public Created create(Caller caller, QuoteDraft draft, String idempotencyKey) {
        if (idempotencyKey != null
                && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw ValidationFailed.of(
                    "Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        rate.count(caller.userId());
        if (idempotencyKey == null) {
            return new Created(service.create(caller, draft), false);
        }
        String key = sha256(idempotencyKey);
        if (!records.tryLock(caller.userId(), key)) {
            throw new IdempotencyKeyInUse();
        }
        String fingerprint = sha256(write(draft));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<IdempotencyRecords.Stored> first =
                records.find(caller.userId(), key, now.minus(config.idempotency().retention()));
        if (first.isPresent()) {
            if (!first.get().requestSha256().equals(fingerprint)) {
                throw new IdempotencyKeyReused();
            }
            return new Created(read(first.get().body()), true);
        }
        QuoteView quote = service.create(caller, draft);
        records.insert(caller.userId(), key, fingerprint, quote.id(), CREATED, write(quote), now);
        return new Created(quote, false);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    private QuoteView read(String body) {
        try {
            return json.readValue(body, QuoteView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable idempotency record", e);
        }
    }

    /** SHA-256 of the text as lower-case hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
