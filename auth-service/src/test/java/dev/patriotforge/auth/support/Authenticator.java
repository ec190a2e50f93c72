package dev.patriotforge.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.security.Totp;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An authenticator app in a test: holds the secret handed out at enrolment and gives the code of a
 * step later than any it gave before (the service accepts each step once, and one step of drift, so
 * a test gets a fresh code without waiting).
 */
public final class Authenticator {
    private final byte[] secret;
    private long lastStep = Long.MIN_VALUE;

    public Authenticator(String base32) {
        this.secret = decode(base32);
    }

    /** Enrols and confirms TOTP for the session's account; returns its app and recovery codes. */
    public static Enrolled enrolAndConfirm(String accessToken) {
        Response enrol = Api.bearer(accessToken).post("/api/auth/mfa/totp");
        enrol.then().statusCode(200);
        Authenticator app = new Authenticator(enrol.path("secret"));
        Response confirm =
                Api.bearer(accessToken)
                        .contentType("application/json")
                        .body(Map.of("code", app.nextCode()))
                        .post("/api/auth/mfa/totp/confirm");
        confirm.then().statusCode(200);
        List<String> codes = confirm.path("recovery_codes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        return new Enrolled(app, codes);
    }

    /** An account's app and its recovery codes. */
    public record Enrolled(Authenticator app, List<String> recoveryCodes) {}

    /** A code of a step not used yet: the current one, or the next (within the drift). */
    public String nextCode() {
        long current = Totp.stepOf(Instant.now());
        long step = Math.max(current, lastStep + 1);
        if (step > current + 1) {
            throw new IllegalStateException("no unused step within the drift; wait for the next");
        }
        lastStep = step;
        return Totp.code(secret, step, Totp.DIGITS);
    }

    /**
     * A right code of a step not used yet, without using it up (for requests refused before it).
     */
    public String unusedCode() {
        long current = Totp.stepOf(Instant.now());
        return Totp.code(
                secret, Math.min(current + 1, Math.max(current, lastStep + 1)), Totp.DIGITS);
    }

    /** The code of the step given out last (a replay). */
    public String lastCode() {
        return Totp.code(secret, lastStep, Totp.DIGITS);
    }

    /** A 6-digit code that is none of the steps in the drift window. */
    public String wrongCode() {
        long current = Totp.stepOf(Instant.now());
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean matches = false;
            for (long s = current - 2; s <= current + 2; s++) {
                matches |= Totp.code(secret, s, Totp.DIGITS).equals(code);
            }
            if (!matches) {
                return code;
            }
        }
    }

    static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[base32.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < base32.length(); i++) {
            buffer = (buffer << 5) | alphabet.indexOf(base32.charAt(i));
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
