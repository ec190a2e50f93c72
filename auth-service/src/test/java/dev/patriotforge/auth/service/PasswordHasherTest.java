package dev.patriotforge.auth.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patriotforge.auth.security.Secret;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final HashingPool POOL = new HashingPool(2, 16, Duration.ofSeconds(1));
    private static final Timer TIMER = Timer.builder("t").register(new SimpleMeterRegistry());
    private static final PasswordHasher.Cost OWASP = new PasswordHasher.Cost(19456, 2, 1);
    private static final PasswordHasher HASHER = new PasswordHasher(OWASP, POOL, TIMER);

    @AfterAll
    static void stop() {
        POOL.shutdown();
    }

    @Test
    void hashesAreArgon2idPhcStringsWithAFreshSalt() {
        String a = HASHER.hash(Secret.of("correct horse battery staple"));
        String b = HASHER.hash(Secret.of("correct horse battery staple"));
        assertThat(a)
                .matches(
                        "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(a).isNotEqualTo(b);
        assertThat(a).doesNotContain("correct horse");
    }

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String hash = HASHER.hash(Secret.of("correct horse battery staple"));
        assertThat(HASHER.verify(Secret.of("correct horse battery staple"), hash))
                .isEqualTo(PasswordHasher.Verdict.MATCH);
        assertThat(HASHER.verify(Secret.of("correct horse battery stapler"), hash))
                .isEqualTo(PasswordHasher.Verdict.MISMATCH);
        assertThat(HASHER.verify(Secret.of("anything"), "not-a-phc-string"))
                .isEqualTo(PasswordHasher.Verdict.MISMATCH);
    }

    @Test
    void aHashMadeWithOtherParametersMatchesButAsksForARehash() {
        PasswordHasher stronger =
                new PasswordHasher(new PasswordHasher.Cost(19456, 3, 1), POOL, TIMER);
        String old = HASHER.hash(Secret.of("correct horse battery staple"));
        assertThat(stronger.verify(Secret.of("correct horse battery staple"), old))
                .isEqualTo(PasswordHasher.Verdict.MATCH_NEEDS_REHASH);
        assertThat(stronger.hash(Secret.of("x-y-z-w-v-u-t")))
                .startsWith("$argon2id$v=19$m=19456,t=3,p=1$");
    }

    @Test
    void parametersBelowTheOwaspMinimumAreRefused() {
        assertThatThrownBy(
                        () -> new PasswordHasher(new PasswordHasher.Cost(4096, 2, 1), POOL, TIMER))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(
                        () -> new PasswordHasher(new PasswordHasher.Cost(19456, 1, 1), POOL, TIMER))
                .isInstanceOf(IllegalStateException.class);
    }
}
