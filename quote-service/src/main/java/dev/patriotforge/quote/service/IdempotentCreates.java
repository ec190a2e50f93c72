package dev.patriotforge.quote.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.quote.config.QuoteConfig;
import dev.patriotforge.shared.error.DependencyUnavailable;
import dev.patriotforge.shared.error.IdempotencyKeyInUse;
import dev.patriotforge.shared.error.IdempotencyKeyReused;
import dev.patriotforge.shared.error.ValidationFailed;
import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * Create with {@code Idempotency-Key}: the key is kept in Redis per caller ({@code
 * forge:quote:idem:<user>:<sha256(key)>}) with a fingerprint of the body. The first request claims
 * it with {@code SET NX} for a short while and, once the quote exists, stores its response for 24
 * hours. A repeat with the same body replays that response; with another body it is a 422; while
 * the first is still running it is a 409. A create that fails releases the key.
 */
@ApplicationScoped
public class IdempotentCreates {
    public static final int MAX_KEY_LENGTH = 255;
    private static final Logger LOG = Logger.getLogger(IdempotentCreates.class);
    private static final String RUNNING = "running";
    private static final String DONE = "done";

    private final QuoteService service;
    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final ObjectMapper json;
    private final QuoteConfig config;

    public IdempotentCreates(
            QuoteService service, RedisDataSource redis, ObjectMapper json, QuoteConfig config) {
        this.service = service;
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.json = json;
        this.config = config;
    }

    /** The outcome of a create: the quote, and whether it is a replay of an earlier response. */
    public record Created(QuoteView quote, boolean replayed) {}

    /** What is kept under the key. */
    @RegisterForReflection
    public record Entry(String state, String fingerprint, QuoteView quote) {}

    /** Creates a quote; with a key ({@code idempotencyKey} not null), at most once per key. */
    public Created create(Caller caller, QuoteDraft draft, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Created(service.create(caller, draft), false);
        }
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw ValidationFailed.of(
                    "Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String key = RedisKeys.quote("idem", caller.id().toString(), sha256(idempotencyKey));
        String fingerprint = sha256(write(draft));
        String claim = write(new Entry(RUNNING, fingerprint, null));
        String previous =
                redis(
                        () ->
                                values.setGet(
                                        key,
                                        claim,
                                        new SetArgs().nx().px(config.idempotency().lockTtl())));
        if (previous != null) {
            return replay(read(previous), fingerprint);
        }
        QuoteView quote;
        try {
            quote = service.create(caller, draft);
        } catch (RuntimeException e) {
            release(key);
            throw e;
        }
        String done = write(new Entry(DONE, fingerprint, quote));
        try {
            values.set(key, done, new SetArgs().px(config.idempotency().retention()));
        } catch (RuntimeException e) {
            // The quote exists: answer 201. Until the claim runs out, repeats get 409.
            LOG.warnf(
                    "Could not store the response of an idempotent create: %s",
                    e.getClass().getName());
        }
        return new Created(quote, false);
    }

    private static Created replay(Entry entry, String fingerprint) {
        if (!fingerprint.equals(entry.fingerprint())) {
            throw new IdempotencyKeyReused();
        }
        if (!DONE.equals(entry.state()) || entry.quote() == null) {
            throw new IdempotencyKeyInUse();
        }
        return new Created(entry.quote(), true);
    }

    private void release(String key) {
        try {
            keys.del(key);
        } catch (RuntimeException e) {
            // The claim runs out on its own after the lock TTL.
        }
    }

    private static <T> T redis(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new DependencyUnavailable();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    private Entry read(String value) {
        try {
            return json.readValue(value, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable idempotency entry", e);
        }
    }

    private static String sha256(String text) {
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
