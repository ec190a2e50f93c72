package dev.patriotforge.auth.support;

import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Reads Redis as the admin user, the way an operator would, to see the revocation marks (and, to
 * simulate their loss, removes one).
 */
@ApplicationScoped
public class RedisInspector {
    private final RedisDataSource redis;

    public RedisInspector(@RedisClientName("admin") RedisDataSource redis) {
        this.redis = redis;
    }

    /** Milliseconds the session's revocation mark still lives; negative when there is none. */
    public long revocationMarkTtlMillis(String sessionId) {
        try {
            return redis.key().pttl(RedisKeys.revokedSession(UUID.fromString(sessionId)));
        } catch (RedisKeyNotFoundException e) {
            return -2;
        }
    }

    public boolean isRevoked(String sessionId) {
        return revocationMarkTtlMillis(sessionId) > 0;
    }

    /**
     * Removes the session's revocation mark, as if Redis had lost it (a flush, a failover without
     * persistence): what is left to refuse the token is the database.
     */
    public void forgetRevocationMark(String sessionId) {
        redis.key().del(RedisKeys.revokedSession(UUID.fromString(sessionId)));
    }
}
