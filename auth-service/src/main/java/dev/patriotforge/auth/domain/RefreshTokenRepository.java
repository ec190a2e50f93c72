package dev.patriotforge.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens, found by the hash of the presented token. */
@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /** The token row, locked so that two concurrent refreshes with one token cannot both win. */
    public Optional<RefreshToken> findByHashForUpdate(byte[] tokenHash) {
        return find("tokenHash", (Object) tokenHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Forgets tokens that expired before {@code cutoff}; returns how many. */
    public long purgeExpired(Instant cutoff) {
        return delete("expiresAt < ?1", cutoff);
    }
}
