package dev.patriotforge.auth.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.testsupport.http.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests that are not valid HTTP for the server's parser (Netty, under Vert.x): a percent sign
 * not followed by two hex digits, control bytes or a space in the request line, control bytes in a
 * header value, a request line over 16 KiB or headers over 20 KiB. The parser answers them itself,
 * with a bare 400, 414 or 431 (no body, no X-Request-Id) and closes the connection; no application
 * code runs, so nothing can change. Through the gateway most never arrive (nginx refuses them
 * first); the ones that do are listed in the README's Reliability section.
 */
@QuarkusTest
class HttpLayerTest {

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-For", Api.ip());
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Test
    void requestsTheHttpParserRefusesGetABare4xxAndChangeNothing() {
        Api.Session admin = Admins.boss();
        Api.Session victim = Api.registerAndLogin("http-layer-victim");
        String asAdmin = "Bearer " + admin.accessToken();
        String victimPath = "/api/auth/users/" + victim.account().id();
        record Sent(String method, String target, Map<String, String> headers) {}
        List<Sent> requests =
                List.of(
                        new Sent("DELETE", victimPath + "%ZZ", headers("Authorization", asAdmin)),
                        new Sent("DELETE", victimPath + "%", headers("Authorization", asAdmin)),
                        new Sent(
                                "GET", "/api/auth/users/%u0000", headers("Authorization", asAdmin)),
                        new Sent(
                                "GET",
                                "/api/auth/users?limit=%ZZ",
                                headers("Authorization", asAdmin)),
                        new Sent(
                                "GET",
                                "/api/auth/users?cursor=%G0",
                                headers("Authorization", asAdmin)),
                        new Sent(
                                "DELETE", victimPath + "\u0001", headers("Authorization", asAdmin)),
                        new Sent("DELETE", victimPath + " x", headers("Authorization", asAdmin)),
                        new Sent("GET", "/api/auth/me", headers("Authorization", "Bearer \u0000")),
                        new Sent(
                                "GET",
                                "/api/auth/me",
                                headers("Authorization", "Bearer \u0001\u007f")),
                        new Sent(
                                "DELETE", victimPath, headers("Authorization", asAdmin + "\u0000")),
                        new Sent("GET", "/api/auth/me", headers("User-Agent", "a\u0000b")),
                        new Sent(
                                "POST",
                                "/api/auth/refresh",
                                headers("Cookie", "forge_refresh=\u0001")),
                        new Sent(
                                "GET", "/api/auth/me", headers("X-Forwarded-For", "1.2.3.4\u0000")),
                        new Sent(
                                "DELETE",
                                victimPath + "/" + "x".repeat(17_000),
                                headers("Authorization", asAdmin)),
                        new Sent(
                                "GET",
                                "/api/auth/users?email=" + "x".repeat(20_000),
                                headers("Authorization", asAdmin)),
                        new Sent(
                                "GET",
                                "/api/auth/me",
                                headers("Authorization", "Bearer " + "A".repeat(25_000))));
        Answers problems = new Answers("answers of the HTTP layer that have a body");
        for (Sent sent : requests) {
            RawHttp.Response answer =
                    RawHttp.send(sent.method(), sent.target(), sent.headers(), null);
            String what = sent.method() + " " + Answers.abbreviate(sent.target());
            assertThat(answer.status()).as(what).isIn(400, 414, 431);
            if (answer.text().isEmpty()) {
                assertThat(answer.header("X-Request-Id"))
                        .as("%s was answered by the HTTP parser, before any application code", what)
                        .isNull();
            } else {
                problems.check(what, answer);
            }
        }
        problems.assertAllFine();
        Api.bearer(admin.accessToken()).get(victimPath).then().statusCode(200);
        Api.bearer(victim.accessToken()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void requestLineTheGatewayAdmitsReachesTheServiceAndGetsAProblem() {
        Api.Session admin = Admins.boss();
        RawHttp.Response answer =
                RawHttp.send(
                        "GET",
                        "/api/auth/users/" + "x".repeat(12_000),
                        headers("Authorization", "Bearer " + admin.accessToken()),
                        null);
        assertThat(answer.status()).isIn(404, 422);
        assertThat(answer.header("X-Request-Id")).isNotNull();
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
