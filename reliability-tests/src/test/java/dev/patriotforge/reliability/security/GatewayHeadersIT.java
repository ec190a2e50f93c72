package dev.patriotforge.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.testsupport.api.Api;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the gateway (proxied successes and errors, and its own problem documents) sends
 * no server software or version and carries the security headers.
 */
@Order(10)
class GatewayHeadersIT {

    @Test
    void noAnswerNamesServerSoftwareAndEveryAnswerHasTheSecurityHeaders() {
        Api gateway = Api.gateway(Cluster.get().gateway());
        Map<String, Supplier<Response>> cases = new LinkedHashMap<>();
        cases.put(
                "JWKS (200 from auth-service)",
                () -> gateway.request().get("/api/auth/.well-known/jwks.json"));
        cases.put(
                "quotes without a token (401 from quote-service)",
                () -> gateway.request().get("/api/quotes"));
        cases.put(
                "login with a wrong password (401 from auth-service)",
                () -> gateway.login(Api.newCredentials().email(), "Wrong-password-123"));
        cases.put("operations endpoint (gateway 404)", () -> gateway.request().get("/q/health"));
        cases.put("unknown path (gateway 404)", () -> gateway.request().get("/nothing/here"));
        cases.put(
                "body over 1 MiB (gateway 413)",
                () ->
                        gateway.request()
                                .body("{\"title\":\"" + "x".repeat(1_100_000) + "\"}")
                                .post("/api/quotes"));

        cases.forEach(
                (name, call) -> {
                    Response response = call.get();
                    assertThat(response.statusCode()).as(name).isBetween(200, 499);
                    for (Header header : response.headers()) {
                        assertThat(header.getValue())
                                .as("%s: header %s", name, header.getName())
                                .doesNotContainPattern(
                                        "(?i)nginx/|openresty|quarkus|vert\\.x|"
                                                + "java/|jetty|undertow");
                    }
                    String server = response.header("Server");
                    assertThat(server == null || !server.matches(".*\\d.*"))
                            .as("%s: Server header without a version: %s", name, server)
                            .isTrue();
                    assertThat(response.header("X-Powered-By")).as(name).isNull();
                    assertThat(response.header("X-Content-Type-Options"))
                            .as(name)
                            .isEqualTo("nosniff");
                    assertThat(response.header("X-Frame-Options")).as(name).isEqualTo("DENY");
                    assertThat(response.header("Referrer-Policy"))
                            .as(name)
                            .isEqualTo("no-referrer");
                    assertThat(response.header("Content-Security-Policy"))
                            .as(name)
                            .contains("frame-ancestors 'none'");
                    assertThat(response.header("X-Request-Id")).as(name).isNotBlank();
                    assertThat(response.headers().getValues("X-Request-Id"))
                            .as("%s: one X-Request-Id", name)
                            .hasSize(1);
                });
    }
}
