package dev.patriotforge.auth.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 30-second steps counted
 * from the Unix epoch. The service uses 6 digits and accepts one step of drift either way; the
 * RFC's test vectors (8 digits) are checked in its test.
 */
public final class Totp {
    /** The length of a step, in seconds (RFC 6238's default, what authenticator apps assume). */
    public static final long STEP_SECONDS = 30;

    /** Digits of a code the service issues and accepts. */
    public static final int DIGITS = 6;

    /** Steps of clock drift accepted either side of the current one. */
    public static final int DRIFT_STEPS = 1;

    /** Bytes of a new secret: 160 bits, the HMAC-SHA-1 block RFC 4226 recommends. */
    public static final int SECRET_BYTES = 20;

    private static final String HMAC = "HmacSHA1";
    private static final int[] POWERS = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
    };

    private Totp() {}

    /** A new random secret. */
    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The time step an instant falls in. */
    public static long stepOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step, zero-padded to {@code digits} (1..8). */
    public static String code(byte[] secret, long step, int digits) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1..8");
        }
        byte[] counter = new byte[8];
        long value = step;
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (value & 0xff);
            value >>>= 8;
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            hash = mac.doFinal(counter);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary =
                ((hash[offset] & 0x7f) << 24)
                        | ((hash[offset + 1] & 0xff) << 16)
                        | ((hash[offset + 2] & 0xff) << 8)
                        | (hash[offset + 3] & 0xff);
        String digitsText = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - digitsText.length()) + digitsText;
    }

    /** True when the text has the shape of a code the service accepts (6 ASCII digits). */
    public static boolean looksLikeCode(String text) {
        if (text == null || text.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The step whose 6-digit code the text is, within the drift window around {@code now} and later
     * than {@code lastUsedStep} (a step already used is refused: no replay), or empty. Every
     * candidate step is computed and compared in constant time, so timing does not tell which one
     * matched.
     */
    public static OptionalLong matchingStep(
            byte[] secret, String code, Instant now, long lastUsedStep) {
        if (!looksLikeCode(code)) {
            return OptionalLong.empty();
        }
        long current = stepOf(now);
        long found = Long.MIN_VALUE;
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            boolean same =
                    MessageDigest.isEqual(
                            code(secret, step, DIGITS).getBytes(StandardCharsets.US_ASCII),
                            code.getBytes(StandardCharsets.US_ASCII));
            if (same && step > lastUsedStep && found == Long.MIN_VALUE) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
