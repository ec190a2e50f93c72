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

/**
 * The revocation marks in Redis (layout in {@link RedisKeys}). auth-service writes them when a
 * session ends; every service checks them on each authenticated request. Failures to reach Redis
 * surface as {@link DependencyUnavailable}: the check fails closed.
 */
@ApplicationScoped
public class RevocationStore {
    private final ReactiveKeyCommands<String> keys;
    private final ReactiveValueCommands<String, String> values;

    public RevocationStore(ReactiveRedisDataSource redis) {
        this.keys = redis.key();
        this.values = redis.value(String.class);
    }

    /** True when the session has been revoked. One {@code EXISTS} round trip. */
    public Uni<Boolean> isRevoked(UUID sessionId) {
        return keys.exists(RedisKeys.revokedSession(sessionId))
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
                .onFailure()
                .transform(e -> new DependencyUnavailable());
    }
}
