package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The client address at the service port (contract section 2): the rightmost X-Forwarded-For entry
 * that is not a trusted proxy (the test profile trusts loopback, where these requests come from),
 * never the leftmost entry, which a client behind an appending proxy writes itself.
 */
@QuarkusTest
class ClientAddressTest {

    @Test
    void theSessionRecordsTheRightmostForwardedAddressNotTheOneTheClientWrote() {
        Api.Account account = Api.register("xff");
        Response login =
                given().header("X-Forwarded-For", "203.0.113.7, 198.51.100.9")
                        .contentType(ContentType.JSON)
                        .body(Map.of("email", account.email(), "password", account.password()))
                        .post("/api/auth/login");
        login.then().statusCode(200);
        String access = login.path("access_token");

        Response sessions = Api.bearer(access).get("/api/auth/sessions");
        sessions.then().statusCode(200);
        assertThat(sessionsOf(sessions.jsonPath()))
                .filteredOn(s -> Api.sidOf(access).equals(s.get("id")))
                .singleElement()
                .satisfies(s -> assertThat(s.get("ip")).isEqualTo("198.51.100.9"));
    }

    @Test
    void failedLoginsCountAgainstTheRightmostAddressWhateverTheClientPutsLeftOfIt() {
        String ip = Api.ip();
        int limit =
                ConfigProvider.getConfig().getValue("forge.auth.ip.failed-logins", Integer.class);
        for (int i = 0; i < limit; i++) {
            // A new made-up address on the left each time: it must not buy a fresh allowance.
            given().header("X-Forwarded-For", "203.0.113." + (i % 250 + 1) + ", " + ip)
                    .contentType(ContentType.JSON)
                    .body(Map.of("email", Api.email("spoof"), "password", "Wrong-Password-1"))
                    .post("/api/auth/login")
                    .then()
                    .statusCode(401);
        }
        Api.Account account = Api.register("spoofed");
        problem(
                given().header("X-Forwarded-For", "192.0.2.200, " + ip)
                        .contentType(ContentType.JSON)
                        .body(Map.of("email", account.email(), "password", account.password()))
                        .post("/api/auth/login"),
                429,
                "rate_limited");
    }

    /** The sessions of a list body, or of a page's {@code items}. */
    private static List<Map<String, Object>> sessionsOf(JsonPath body) {
        Object root = body.get("$");
        return root instanceof List<?> ? body.getList("$") : body.getList("items");
    }
}
