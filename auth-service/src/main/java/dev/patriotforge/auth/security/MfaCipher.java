package dev.patriotforge.auth.security;

import dev.patriotforge.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Encrypts TOTP secrets at rest: AES-256-GCM with a random 96-bit nonce per encryption, stored as
 * {@code nonce || ciphertext+tag}. The key is {@code FORGE_AUTH_MFA_ENCRYPTION_KEY} (base64 of 32
 * bytes). Outside the prod profile a missing key is generated into the development key directory
 * (next to the development signing key); in prod it stops the start. The user's id is bound in as
 * associated data, so a secret copied onto another user's row does not decrypt.
 */
@Startup
@ApplicationScoped
public class MfaCipher {
    private static final Logger LOG = Logger.getLogger(MfaCipher.class);
    static final String DEV_KEY_FILE = "mfa-encryption-key";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public MfaCipher(AuthConfig config) {
        this(loadKey(config));
    }

    MfaCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** {@code nonce || ciphertext+tag} of the plaintext, bound to the associated data. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext, or an {@link IllegalStateException} when the data was not sealed so. */
    public byte[] decrypt(byte[] sealed, byte[] associatedData) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("a sealed MFA secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "an MFA secret does not decrypt with FORGE_AUTH_MFA_ENCRYPTION_KEY", e);
        }
    }

    /** The key from its base64 text: 32 bytes, else a message that names the setting. */
    static byte[] parseKey(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("FORGE_AUTH_MFA_ENCRYPTION_KEY is not base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "FORGE_AUTH_MFA_ENCRYPTION_KEY must be the base64 of 32 bytes (256 bits), e.g."
                            + " `openssl rand -base64 32`");
        }
        return bytes;
    }

    private static byte[] loadKey(AuthConfig config) {
        if (config.mfa().encryptionKey().isPresent()) {
            return parseKey(config.mfa().encryptionKey().get());
        }
        if (isProd()) {
            throw new IllegalStateException(
                    "No MFA encryption key is configured. Set FORGE_AUTH_MFA_ENCRYPTION_KEY to the"
                            + " base64 of 32 random bytes (`openssl rand -base64 32`).");
        }
        return developmentKey(config.jwt().devKeyDirectory());
    }

    private static boolean isProd() {
        return ConfigProvider.getConfig()
                .unwrap(SmallRyeConfig.class)
                .getProfiles()
                .contains("prod");
    }

    /** Loads the development key of the working directory, generating it on first use. */
    private static byte[] developmentKey(Path directory) {
        Path file = directory.resolve(DEV_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(directory);
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                Path temp =
                        Files.createTempFile(
                                directory,
                                "mfa-key",
                                ".tmp",
                                PosixFilePermissions.asFileAttribute(
                                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(
                        temp, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    Files.deleteIfExists(temp);
                }
                LOG.warnf(
                        "No FORGE_AUTH_MFA_ENCRYPTION_KEY configured: generated a development key"
                                + " in %s. Never use it in production.",
                        file.toAbsolutePath());
            }
            return parseKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development MFA key", e);
        }
    }
}
