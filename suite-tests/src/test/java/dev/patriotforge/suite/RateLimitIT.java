package dev.patriotforge.suite;

import static dev.patriotforge.suite.Suite.raw;
import static dev.patriotforge.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The per-client-IP limit on /api/auth/* (FORGE_GATEWAY_AUTH_RATE, burst twice that). Runs after
 * the flows (see {@link ClassOrderer.OrderAnnotation}) and waits for the bucket to drain.
 */
@Tag("gateway")
@Order(Integer.MAX_VALUE - 1)
class RateLimitIT {
    private static final int MAX_REQUESTS = 400;

    @BeforeEach
    void suiteIsUp() {
        Suite.assumeRunning();
    }

    @Test
    void aBurstOnTheAuthRoutesIsAnsweredWithRateLimitedAndRetryAfter() throws Exception {
        HttpResponse<String> limited = null;
        int sent = 0;
        while (limited == null && sent < MAX_REQUESTS) {
            HttpResponse<String> response = raw("GET", "/api/auth/.well-known/jwks.json", Map.of());
            sent++;
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        assertThat(limited).as("no 429 after %d requests", sent).isNotNull();
        assertThat(sent).as("requests let through before the limit").isGreaterThan(20);
        assertProblem(limited, 429, "rate_limited");
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(value -> assertThat(Integer.parseInt(value)).isPositive());

        // The quote routes are not limited by the auth zone.
        assertThat(raw("GET", "/api/quotes", Map.of()).statusCode()).isNotEqualTo(429);

        // Let the bucket drain so that later tests are not limited.
        Thread.sleep(3_000);
        assertThat(raw("GET", "/api/auth/.well-known/jwks.json", Map.of()).statusCode())
                .isNotEqualTo(429);
    }
}
