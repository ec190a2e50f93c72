package dev.patriotforge.quote.service.webhook;

import dev.patriotforge.common.crypto.AesGcm;
import dev.patriotforge.quote.config.WebhookConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Seals signing secrets at rest with {@code FORGE_WEBHOOK_ENCRYPTION_KEY} (AES-256-GCM, the
 * subscription id as associated data). Created at startup, so that prod without a key stops there.
 */
@Startup
@ApplicationScoped
public class WebhookCipher {
    static final String SETTING = "FORGE_WEBHOOK_ENCRYPTION_KEY";
    static final String DEV_KEY_FILE = "webhook-encryption-key";

    private final AesGcm aes;

    public WebhookCipher(WebhookConfig config) {
        this.aes =
                new AesGcm(
                        AesGcm.loadKey(
                                config.encryptionKey(),
                                SETTING,
                                config.devKeyDirectory(),
                                DEV_KEY_FILE),
                        SETTING);
    }

    public byte[] seal(String secret, UUID subscriptionId) {
        return aes.encrypt(secret.getBytes(StandardCharsets.UTF_8), associated(subscriptionId));
    }

    public String open(byte[] sealed, UUID subscriptionId) {
        return new String(aes.decrypt(sealed, associated(subscriptionId)), StandardCharsets.UTF_8);
    }

    private static byte[] associated(UUID subscriptionId) {
        return ("forge-webhook:" + subscriptionId).getBytes(StandardCharsets.US_ASCII);
    }
}
