package dev.patriotforge.auth.security;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.common.crypto.AesGcm;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Encrypts TOTP secrets at rest with {@link AesGcm} under {@code FORGE_AUTH_MFA_ENCRYPTION_KEY}
 * (base64 of 32 bytes). Outside the prod profile a missing key is generated into the development
 * key directory (next to the development signing key); in prod it stops the start. The caller binds
 * the user's id in as associated data, so a secret copied onto another user's row does not decrypt.
 */
@Startup
@ApplicationScoped
public class MfaCipher {
    static final String SETTING = "FORGE_AUTH_MFA_ENCRYPTION_KEY";
    static final String DEV_KEY_FILE = "mfa-encryption-key";

    private final AesGcm aes;

    @Inject
    public MfaCipher(AuthConfig config) {
        this(
                AesGcm.loadKey(
                        config.mfa().encryptionKey(),
                        SETTING,
                        config.jwt().devKeyDirectory(),
                        DEV_KEY_FILE));
    }

    MfaCipher(byte[] key) {
        this.aes = new AesGcm(key, SETTING);
    }

    /** {@code nonce || ciphertext+tag} of the plaintext, bound to the associated data. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        return aes.encrypt(plaintext, associatedData);
    }

    /** The plaintext, or an {@link IllegalStateException} when the data was not sealed so. */
    public byte[] decrypt(byte[] sealed, byte[] associatedData) {
        return aes.decrypt(sealed, associatedData);
    }

    /** The key from its base64 text: 32 bytes, else a message that names the setting. */
    static byte[] parseKey(String text) {
        return AesGcm.parseKey(text, SETTING);
    }
}
