package dev.patriotforge.common.crypto;

import io.smallrye.config.SmallRyeConfig;
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
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Secrets at rest: AES-256-GCM with a random 96-bit nonce per encryption, stored as {@code nonce ||
 * ciphertext+tag}, with associated data that binds a sealed value to its row (a value copied onto
 * another row does not decrypt). The key is the base64 of 32 bytes from a setting; {@link #loadKey}
 * refuses to start the prod profile without it and generates a development key file elsewhere.
 */
public final class AesGcm {
    private static final Logger LOG = Logger.getLogger(AesGcm.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String setting;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key 32 bytes
     * @param setting the name of the key's setting, for error messages
     */
    public AesGcm(byte[] key, String setting) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(setting + " must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.setting = setting;
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
            throw new IllegalStateException("a sealed value is too short");
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
            throw new IllegalStateException("a sealed value does not decrypt with " + setting, e);
        }
    }

    /** The key from its base64 text: 32 bytes, else a message that names the setting. */
    public static byte[] parseKey(String text, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    setting
                            + " must be the base64 of 32 bytes (256 bits), e.g."
                            + " `openssl rand -base64 32`");
        }
        return bytes;
    }

    /**
     * The configured key; without one, the prod profile stops the start and any other profile uses
     * (and on first use generates) {@code devDirectory/devFile}, owner-readable only.
     */
    public static byte[] loadKey(
            Optional<String> configured, String setting, Path devDirectory, String devFile) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return parseKey(configured.get(), setting);
        }
        if (isProd()) {
            throw new IllegalStateException(
                    "No "
                            + setting
                            + " is configured. Set it to the base64 of 32 random bytes (`openssl"
                            + " rand -base64 32`).");
        }
        return developmentKey(devDirectory.resolve(devFile), setting);
    }

    private static boolean isProd() {
        return ConfigProvider.getConfig()
                .unwrap(SmallRyeConfig.class)
                .getProfiles()
                .contains("prod");
    }

    private static byte[] developmentKey(Path file, String setting) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(directory);
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                Path temp =
                        Files.createTempFile(
                                directory,
                                "key",
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
                        "No %s configured: generated a development key in %s. Never use it in"
                                + " production.",
                        setting, file.toAbsolutePath());
            }
            return parseKey(Files.readString(file, StandardCharsets.US_ASCII), setting);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development key of " + setting, e);
        }
    }
}
