package dev.patriotforge.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.support.Api;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordRehashTest {

    @Inject UserRepository users;

    private String storedHash(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> users.findLiveByEmail(email).orElseThrow().passwordHash);
    }

    @Test
    void aHashMadeWithOtherParametersIsReplacedAtTheNextLogin() {
        Api.Account account = Api.register("rehash");
        HashingPool pool = new HashingPool(1, 4, Duration.ofSeconds(1));
        try {
            PasswordHasher older =
                    new PasswordHasher(
                            new PasswordHasher.Cost(19456, 3, 1),
                            pool,
                            new SimpleMeterRegistry().timer("t"));
            String oldHash = older.hash(Secret.of(account.password()));
            QuarkusTransaction.requiringNew()
                    .run(
                            () ->
                                    users.findLiveByEmail(account.email())
                                                    .orElseThrow()
                                                    .passwordHash =
                                            oldHash);
        } finally {
            pool.shutdown();
        }
        assertThat(storedHash(account.email())).contains("m=19456,t=3,p=1");

        Api.login(account);

        String rehashed = storedHash(account.email());
        assertThat(rehashed).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        Api.login(account);
    }
}
