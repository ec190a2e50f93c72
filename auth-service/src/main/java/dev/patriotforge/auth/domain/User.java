package dev.patriotforge.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An account. Soft-deleted accounts keep their row; their email may register again. */
@Entity
@Table(name = "forge_users")
public class User {
    @Id public UUID id;

    @Column(nullable = false, length = 254)
    public String email;

    /** True once the address was confirmed through a mailed token (or a password reset). */
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "display_name", nullable = false, length = 100)
    public String displayName;

    @Column(nullable = false, length = 16)
    public String role;

    /** Argon2id in PHC string form; never leaves the service layer, never logged. */
    @Column(name = "password_hash", nullable = false, length = 255)
    public String passwordHash;

    /**
     * The TOTP secret, AES-GCM encrypted ({@code MfaCipher}); set from enrolment on, never leaves
     * the service layer, never logged.
     */
    @Column(name = "totp_secret")
    public byte[] totpSecret;

    /** When TOTP was confirmed: it is on from then; null while off or only enrolling. */
    @Column(name = "totp_confirmed_at")
    public Instant totpConfirmedAt;

    /** The last time step whose code was accepted; that step and earlier ones are refused. */
    @Column(name = "totp_last_step")
    public Long totpLastStep;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version public long version;

    /** True when logging in takes a second step. */
    public boolean mfaEnabled() {
        return totpConfirmedAt != null;
    }

    @Override
    public String toString() {
        return "User[" + id + "]";
    }
}
