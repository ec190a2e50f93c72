package dev.patriotforge.auth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B (the SHA-1 rows, 8 digits) and the service's 6-digit window. */
class TotpTest {
    private static final byte[] RFC_KEY =
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void rfc6238Vectors(long unixSeconds, String expected) {
        long step = Totp.stepOf(Instant.ofEpochSecond(unixSeconds));
        assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(expected);
        // Six digits are the last six of the same truncation.
        assertThat(Totp.code(RFC_KEY, step, 6)).isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        long step = Totp.stepOf(now);
        for (long s = step - 1; s <= step + 1; s++) {
            assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, s, 6), now, 0)).hasValue(s);
        }
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now, 0)).isEmpty();
    }

    @Test
    void refusesAStepAlreadyUsedOrOlder() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        long step = Totp.stepOf(now);
        String code = Totp.code(RFC_KEY, step, 6);
        assertThat(Totp.matchingStep(RFC_KEY, code, now, step - 1)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_KEY, code, now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, code, now, step + 1)).isEmpty();
        String previous = Totp.code(RFC_KEY, step - 1, 6);
        assertThat(Totp.matchingStep(RFC_KEY, previous, now, step)).isEmpty();
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(RFC_KEY, "287082", now, 0)).hasValue(1L);
        for (String bad :
                new String[] {null, "", "28708", "2870820", "28708a", " 87082", "２87082"}) {
            assertThat(Totp.matchingStep(RFC_KEY, bad, now, 0)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void secretsAre160RandomBitsInBase32() {
        byte[] secret = Totp.newSecret(new SecureRandom());
        assertThat(secret).hasSize(20);
        assertThat(Base32.encode(secret)).hasSize(32).matches("[A-Z2-7]{32}");
        // RFC 4648 section 10 (without padding).
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Base32.encode(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
