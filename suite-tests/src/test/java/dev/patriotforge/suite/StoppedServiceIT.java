package dev.patriotforge.suite;

import static dev.patriotforge.suite.Suite.raw;
import static dev.patriotforge.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stops quote-service (the pid run-suite-tests gave) and checks that the gateway answers for it
 * with a problem document. Runs last: nothing after it may need quote-service.
 */
@Tag("gateway")
@Order(Integer.MAX_VALUE)
class StoppedServiceIT {

    @BeforeEach
    void suiteIsUp() {
        Suite.assumeRunning();
    }

    @Test
    void aStoppedServiceIsAnsweredWithAProblemDocumentAndRetryAfter() throws Exception {
        String pid = Suite.property("forge.quote.pid");
        assumeTrue(!pid.isEmpty(), "forge.quote.pid is not set");
        ProcessHandle quoteService = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
        quoteService.destroy();
        quoteService.onExit().get(30, TimeUnit.SECONDS);

        HttpResponse<String> response =
                raw("GET", "/api/quotes", Map.of("X-Request-Id", "suite-stopped-service"));
        assertProblem(response, 502, "bad_gateway");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("suite-stopped-service");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");

        // The other service is still served.
        assertThat(raw("GET", "/api/auth/.well-known/jwks.json", Map.of()).statusCode())
                .isNotIn(502, 503, 504);
    }
}
