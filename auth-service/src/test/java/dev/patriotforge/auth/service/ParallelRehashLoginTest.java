package dev.patriotforge.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.HeldLogins;
import dev.patriotforge.auth.support.WidenedLoginPauses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A session is only opened against the current password hash (contract 2), and a login whose hash
 * has older parameters replaces it. Parallel logins of one such account must not refuse each other:
 * the first to write its session replaces the hash, and the others, finding it changed, check their
 * password against the new hash, which it still matches.
 */
@QuarkusTest
class ParallelRehashLoginTest {
    private static final int LOGINS = 3;

    @Inject WidenedLoginPauses pauses;
    @Inject UserRepository users;

    @Test
    void parallelLoginsThatEachRehashTheSamePasswordAllOpenSessions() throws Exception {
        Api.Account account = Api.register("race-rehash");
        UUID userId = UUID.fromString(account.id());
        HashingPool hashing = new HashingPool(1, 4, Duration.ofSeconds(5));
        try {
            String older =
                    new PasswordHasher(
                                    new PasswordHasher.Cost(19456, 3, 1),
                                    hashing,
                                    new SimpleMeterRegistry().timer("t"))
                            .hash(Secret.of(account.password()));
            QuarkusTransaction.requiringNew()
                    .run(() -> users.findLiveForUpdate(userId).orElseThrow().passwordHash = older);
        } finally {
            hashing.shutdown();
        }
        try (HeldLogins held = HeldLogins.afterVerify(pauses, account, LOGINS)) {
            held.open();
            for (Response answer : held.answers()) {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
                Api.bearer(answer.path("access_token")).get("/api/auth/me").then().statusCode(200);
            }
        }
        String stored =
                QuarkusTransaction.requiringNew()
                        .call(() -> users.findLive(userId).orElseThrow().passwordHash);
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }
}
