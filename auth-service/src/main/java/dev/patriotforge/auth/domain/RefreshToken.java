package dev.patriotforge.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A refresh token of a session, stored only as the SHA-256 of the token. */
@Entity
@Table(name = "forge_refresh_tokens")
public class RefreshToken {
    @Id public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When the token was exchanged for a new one; presenting it again is reuse. */
    @Column(name = "spent_at")
    public Instant spentAt;

    @Version public long version;

    @Override
    public String toString() {
        return "RefreshToken[" + id + "]";
    }
}
