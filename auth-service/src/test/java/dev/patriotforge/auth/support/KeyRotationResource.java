package dev.patriotforge.auth.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * Simulates a key rotation: a "previous" RSA key pair is generated into target/ before the app
 * starts, and its public key is configured as an older key still published in the JWKS. Tests sign
 * tokens with its private key to prove that tokens of the previous key keep working.
 */
public class KeyRotationResource implements QuarkusTestResourceLifecycleManager {
    public static final Path DIRECTORY = Path.of("target", "test-keys");
    public static final Path PUBLIC = DIRECTORY.resolve("previous-public.pem");
    public static final Path PRIVATE = DIRECTORY.resolve("previous-private.der");

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(DIRECTORY);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String pem =
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                    .encodeToString(pair.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(PUBLIC, pem, StandardCharsets.US_ASCII);
            Files.write(PRIVATE, pair.getPrivate().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "forge.auth.jwt.previous-public-keys-file", PUBLIC.toAbsolutePath().toString());
    }

    @Override
    public void stop() {}
}
