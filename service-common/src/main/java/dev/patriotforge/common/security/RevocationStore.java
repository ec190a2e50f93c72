package dev.patriotforge.common.security;

import dev.patriotforge.shared.error.DependencyUnavailable;
import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The revocation marks in Redis (layout in {@link RedisKeys}). auth-service writes them when a
 * session ends; every service checks them on each authenticated request. Failures to reach Redis
 * surface as {@link DependencyUnavailable}: the check fails closed.
 */
@ApplicationScoped
public class RevocationStore {
    private final ReactiveKeyCommands<String> keys;
    private final ReactiveValueCommands<String, String> values;

    private final Duration timeout;

    /**
     * @param timeout {@code quarkus.redis.timeout} (FORGE_REDIS_TIMEOUT): the reactive client does
     *     not apply it by itself, so an unresponsive Redis would hold requests until the client
     *     gives up; here it fails them with a 503 instead.
     */
    public RevocationStore(
            ReactiveRedisDataSource redis,
            @ConfigProperty(name = "quarkus.redis.timeout") Duration timeout) {
        this.keys = redis.key();
        this.values = redis.value(String.class);
        this.timeout = timeout;
    }

    /** True when the session has been revoked. One {@code EXISTS} round trip. */
    public Uni<Boolean> isRevoked(UUID sessionId) {
        return keys.exists(RedisKeys.revokedSession(sessionId))
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .transform(e -> new DependencyUnavailable());
    }

    /**
     * Marks sessions revoked for {@code ttl}, which must be at least the access-token lifetime so
     * that no token of the sessions outlives its mark.
     */
    public Uni<Void> revoke(Collection<UUID> sessionIds, Duration ttl) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        SetArgs args = new SetArgs().px(ttl.toMillis());
        return Uni.join()
                .all(
                        sessionIds.stream()
                                .map(id -> values.set(RedisKeys.revokedSession(id), "1", args))
                                .toList())
                .andFailFast()
                .replaceWithVoid()
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .transform(e -> new DependencyUnavailable());
    }
}
