package dev.patriotforge.auth.security;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.shared.security.JwtClaims;
import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The key that signs access tokens and every public key that verifies them. The private key comes
 * from {@code FORGE_AUTH_JWT_SIGNING_KEY_FILE} or {@code FORGE_AUTH_JWT_SIGNING_KEY}; older public
 * keys from {@code FORGE_AUTH_JWT_PREVIOUS_PUBLIC_KEYS_FILE} stay published (and accepted) so that
 * a key rotation logs nobody out. Outside the prod profile a missing key is generated into the
 * working directory; in prod it stops the start.
 */
@Startup
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    static final String DEV_KEY_FILE = "signing-key.pem";

    /** A public key with its {@code kid}. */
    public record VerificationKey(String keyId, RSAPublicKey key) {}

    private final String activeKeyId;
    private final RSAPrivateCrtKey signingKey;
    private final List<VerificationKey> verificationKeys;

    public SigningKeys(AuthConfig config) {
        AuthConfig.Jwt jwt = config.jwt();
        this.signingKey = loadSigningKey(jwt);
        RSAPublicKey active = PemKeys.publicKeyOf(signingKey);
        this.activeKeyId = jwt.keyId().orElseGet(() -> PemKeys.thumbprint(active));
        List<VerificationKey> keys = new ArrayList<>();
        keys.add(new VerificationKey(activeKeyId, active));
        jwt.previousPublicKeysFile()
                .ifPresent(
                        file -> {
                            for (RSAPublicKey previous : PemKeys.publicKeys(read(file))) {
                                String kid = PemKeys.thumbprint(previous);
                                if (keys.stream().noneMatch(k -> k.keyId().equals(kid))) {
                                    keys.add(new VerificationKey(kid, previous));
                                }
                            }
                        });
        this.verificationKeys = List.copyOf(keys);
        LOG.infof(
                "JWT signing key kid=%s; %d key(s) published in the JWKS",
                activeKeyId, verificationKeys.size());
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public RSAPrivateCrtKey signingKey() {
        return signingKey;
    }

    public List<VerificationKey> verificationKeys() {
        return verificationKeys;
    }

    /** The JWK Set (RFC 7517) of every verification key: public parts only. */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (VerificationKey k : verificationKeys) {
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("alg", JwtClaims.SIGNING_ALGORITHM);
            jwk.put("kid", k.keyId());
            jwk.put("n", PemKeys.base64Url(k.key().getModulus()));
            jwk.put("e", PemKeys.base64Url(k.key().getPublicExponent()));
            keys.add(jwk);
        }
        return Map.of("keys", List.copyOf(keys));
    }

    private static RSAPrivateCrtKey loadSigningKey(AuthConfig.Jwt jwt) {
        if (jwt.signingKeyFile().isPresent()) {
            Path file = jwt.signingKeyFile().get();
            try {
                return PemKeys.privateKey(read(file));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "FORGE_AUTH_JWT_SIGNING_KEY_FILE (" + file + "): " + e.getMessage(), e);
            }
        }
        if (jwt.signingKey().isPresent()) {
            try {
                return PemKeys.privateKey(jwt.signingKey().get());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("FORGE_AUTH_JWT_SIGNING_KEY: " + e.getMessage(), e);
            }
        }
        if (isProd()) {
            throw new IllegalStateException(
                    "No JWT signing key is configured. Set FORGE_AUTH_JWT_SIGNING_KEY_FILE to a PEM"
                            + " PKCS#8 RSA private key file (e.g. `openssl genpkey -algorithm RSA"
                            + " -pkeyopt rsa_keygen_bits:2048 -out signing-key.pem`) or"
                            + " FORGE_AUTH_JWT_SIGNING_KEY to its PEM text.");
        }
        return developmentKey(jwt.devKeyDirectory());
    }

    private static boolean isProd() {
        return ConfigProvider.getConfig()
                .unwrap(SmallRyeConfig.class)
                .getProfiles()
                .contains("prod");
    }

    /** Loads the development key of the working directory, generating it on first use. */
    private static RSAPrivateCrtKey developmentKey(Path directory) {
        Path file = directory.resolve(DEV_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
                Path temp =
                        Files.createTempFile(
                                directory,
                                "signing-key",
                                ".tmp",
                                PosixFilePermissions.asFileAttribute(
                                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, PemKeys.toPem(key), StandardCharsets.US_ASCII);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    Files.deleteIfExists(temp);
                }
                LOG.warnf(
                        "No JWT signing key configured (FORGE_AUTH_JWT_SIGNING_KEY_FILE or"
                                + " FORGE_AUTH_JWT_SIGNING_KEY): generated a development key in"
                                + " %s. Never use it in production.",
                        file.toAbsolutePath());
            } else {
                LOG.warnf(
                        "No JWT signing key configured: using the development key in %s.",
                        file.toAbsolutePath());
            }
            return PemKeys.privateKey(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }
}
