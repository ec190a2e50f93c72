package dev.patriotforge.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One login of one user; access tokens carry its id as {@code sid}. */
@Entity
@Table(name = "forge_sessions")
public class UserSession {
    @Id public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "user_agent", length = 512)
    public String userAgent;

    @Column(length = 64)
    public String ip;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When the session ended (logout, revocation, refresh-token reuse); null while live. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "end_reason", length = 32)
    public String endReason;

    /** How the session was opened: {@code pwd}, or {@code pwd otp} after a second factor. */
    @Column(nullable = false, length = 32)
    public String amr = "pwd";

    @Version public long version;

    public boolean isLive(Instant now) {
        return deletedAt == null && expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "UserSession[" + id + "]";
    }
}
