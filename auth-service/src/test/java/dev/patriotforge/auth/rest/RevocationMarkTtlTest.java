package dev.patriotforge.auth.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.RedisInspector;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A revocation mark lives the access-token lifetime plus the one clock skew both services allow
 * past {@code exp} (FORGE_JWT_CLOCK_SKEW_SECONDS), so it outlives every token it revokes at either
 * service.
 */
@QuarkusTest
class RevocationMarkTtlTest {
    @Inject RedisInspector redis;

    @Test
    void theMarkLivesTheAccessTokenLifetimePlusTheSharedClockSkew() {
        var config = ConfigProvider.getConfig();
        Duration accessTtl = config.getValue("forge.auth.tokens.access-ttl", Duration.class);
        Duration skew = config.getValue("forge.auth.jwt.clock-skew", Duration.class);
        assertThat(skew)
                .as("FORGE_JWT_CLOCK_SKEW_SECONDS' default")
                .isEqualTo(Duration.ofSeconds(30));

        Api.Session session = Api.registerAndLogin("mark-ttl");
        Api.bearer(session.accessToken()).post("/api/auth/logout").then().statusCode(204);

        long ttl = redis.revocationMarkTtlMillis(session.sid());
        long expected = accessTtl.plus(skew).toMillis();
        assertThat(ttl).isLessThanOrEqualTo(expected).isGreaterThan(expected - 10_000);
    }
}
