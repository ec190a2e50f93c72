package dev.patriotforge.testsupport.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification for tests
 * (independent of the service's signer): the key is the base64 after {@code whsec_}, the signed
 * content {@code id.timestamp.body}, the header a space-separated list of {@code v1,<base64>} of
 * which one must match (compared in constant time), and the timestamp within a tolerance.
 */
public final class StandardWebhooks {
    private StandardWebhooks() {}

    /** Whether the headers sign the body with the secret, the timestamp near {@code now}. */
    public static boolean verify(
            String secret,
            String id,
            String timestamp,
            String signatures,
            String body,
            Instant now,
            Duration tolerance) {
        if (secret == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, id + "." + timestamp + "." + body);
        for (String candidate : signatures.split(" ", -1)) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #verify} for a request the receiver got. */
    public static boolean verify(String secret, WebhookReceiver.Received request, Instant now) {
        return verify(
                secret,
                request.id(),
                request.timestamp(),
                request.signature(),
                request.body(),
                now,
                Duration.ofMinutes(5));
    }

    private static byte[] hmac(String secret, String content) {
        String prefix = "whsec_";
        String key = secret.startsWith(prefix) ? secret.substring(prefix.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
