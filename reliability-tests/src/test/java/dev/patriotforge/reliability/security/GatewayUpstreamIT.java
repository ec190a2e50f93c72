package dev.patriotforge.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.ClusterTest;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.http.Http;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What the services see of the gateway, and what the gateway answers when they hang: the scheme of
 * the gateway in X-Forwarded-Proto (whatever the client sent), and 504 {@code gateway_timeout} once
 * the read timeout passes when every replica of a service accepts but never answers.
 */
@Order(11)
class GatewayUpstreamIT extends ClusterTest {
    /** deploy/forge/gateway.sh's FORGE_GATEWAY_READ_TIMEOUT; reliability-tests/run keeps it. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** Runs before {@link ClusterTest}'s restore, as it did inside it. */
    @AfterEach
    void resumeQuoteReplicas() {
        for (String name : Cluster.QUOTE) {
            if (cluster.alive(name)) {
                signal("CONT", name);
            }
        }
    }

    @Test
    void theServicesSeeTheGatewaysSchemeNotTheOneTheClientClaims() {
        URI gateway = cluster.gateway();
        Api auth = Api.direct(cluster.url("auth-a"));
        String token = auth.tokens(auth.newAccount()).access();

        Response proxied =
                Api.gateway(gateway)
                        .authorized(token)
                        .header("X-Forwarded-Proto", "https")
                        .body(Api.quoteBody("forwarded proto"))
                        .post("/api/quotes");
        assertThat(proxied.statusCode()).as(proxied.asString()).isEqualTo(201);
        assertThat(proxied.header("Location"))
                .as("Location built from what the gateway forwarded")
                .startsWith("http://" + gateway.getAuthority() + "/api/quotes/");

        // The service does build Location from X-Forwarded-Proto, so the check above can fail.
        Response direct =
                auth.at(cluster.url("quote-a"))
                        .authorized(token)
                        .header("X-Forwarded-Proto", "https")
                        .body(Api.quoteBody("forwarded proto direct"))
                        .post("/api/quotes");
        assertThat(direct.statusCode()).as(direct.asString()).isEqualTo(201);
        assertThat(direct.header("Location")).startsWith("https://");
    }

    @Test
    void aHungServiceIsAGatewayTimeoutProblemWithinTheReadTimeout() {
        URI gateway = cluster.gateway();
        for (String name : Cluster.QUOTE) {
            signal("STOP", name);
        }
        String requestId = "hung-" + UUID.randomUUID();
        Http.Reply reply =
                new Http(READ_TIMEOUT.plusSeconds(30))
                        .get(gateway.resolve("/api/quotes"), Map.of("X-Request-Id", requestId));

        assertThat(reply.status()).as("%s", reply).isEqualTo(504);
        assertThat(reply.code()).isEqualTo("gateway_timeout");
        assertThat(reply.json("status")).isEqualTo("504");
        assertThat(reply.json("request_id")).isEqualTo(requestId);
        assertThat(reply.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(Duration.ofMillis(reply.millis()))
                .as("answered by the read timeout, not by a refused connection")
                .isBetween(READ_TIMEOUT.minusSeconds(1), READ_TIMEOUT.plusSeconds(15));
        // The other service is still served meanwhile.
        assertThat(
                        new Http(Duration.ofSeconds(10))
                                .get(gateway.resolve("/api/auth/.well-known/jwks.json"), Map.of())
                                .status())
                .isEqualTo(200);
    }

    /** Sends SIGSTOP or SIGCONT to a replica. */
    private void signal(String signal, String name) {
        try {
            Process kill =
                    new ProcessBuilder("kill", "-" + signal, Long.toString(cluster.pid(name)))
                            .redirectErrorStream(true)
                            .start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(kill.exitValue()).as("kill -%s %s", signal, name).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
