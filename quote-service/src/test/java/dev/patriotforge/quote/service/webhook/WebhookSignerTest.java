package dev.patriotforge.quote.service.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.testsupport.webhook.StandardWebhooks;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The signer against the Standard Webhooks specification's published example. */
class WebhookSignerTest {
    // The specification's test vector (the reference libraries' "sign function works" case).
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationsTestVector() {
        assertThat(
                        WebhookSigner.sign(
                                SPEC_SECRET,
                                SPEC_ID,
                                SPEC_TIMESTAMP,
                                SPEC_BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void anIndependentVerifierAcceptsTheSignatureAndRejectsATamperedBody() {
        String secret = WebhookSigner.newSecret(new SecureRandom());
        String body = "{\"id\":\"e1\",\"type\":\"quote.accepted\",\"data\":{\"total_minor\":1999}}";
        long now = Instant.now().getEpochSecond();
        String signature =
                WebhookSigner.sign(secret, "e1", now, body.getBytes(StandardCharsets.UTF_8));
        Duration tolerance = Duration.ofMinutes(5);
        Instant at = Instant.ofEpochSecond(now);
        assertThat(
                        StandardWebhooks.verify(
                                secret, "e1", Long.toString(now), signature, body, at, tolerance))
                .isTrue();
        String tampered = body.replace("1999", "1");
        assertThat(
                        StandardWebhooks.verify(
                                secret,
                                "e1",
                                Long.toString(now),
                                signature,
                                tampered,
                                at,
                                tolerance))
                .isFalse();
        assertThat(
                        StandardWebhooks.verify(
                                secret, "e2", Long.toString(now), signature, body, at, tolerance))
                .as("another id")
                .isFalse();
        assertThat(
                        StandardWebhooks.verify(
                                WebhookSigner.newSecret(new SecureRandom()),
                                "e1",
                                Long.toString(now),
                                signature,
                                body,
                                at,
                                tolerance))
                .as("another secret")
                .isFalse();
    }

    @Test
    void theVerifierAcceptsTheVectorAtItsTime() {
        assertThat(
                        StandardWebhooks.verify(
                                SPEC_SECRET,
                                SPEC_ID,
                                Long.toString(SPEC_TIMESTAMP),
                                SPEC_SIGNATURE,
                                SPEC_BODY,
                                Instant.ofEpochSecond(SPEC_TIMESTAMP),
                                Duration.ofMinutes(5)))
                .isTrue();
        assertThat(
                        StandardWebhooks.verify(
                                SPEC_SECRET,
                                SPEC_ID,
                                Long.toString(SPEC_TIMESTAMP),
                                SPEC_SIGNATURE,
                                "{\"test\": 2432232315}",
                                Instant.ofEpochSecond(SPEC_TIMESTAMP),
                                Duration.ofMinutes(5)))
                .isFalse();
    }

    @Test
    void aNewSecretIsWhsecAndTheBase64Of256RandomBits() {
        SecureRandom random = new SecureRandom();
        String a = WebhookSigner.newSecret(random);
        String b = WebhookSigner.newSecret(random);
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a.substring("whsec_".length()))).hasSize(32);
    }
}
