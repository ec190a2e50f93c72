package dev.patriotforge.suite;

import static dev.patriotforge.suite.Suite.gateway;
import static dev.patriotforge.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.patriotforge.testsupport.api.Api.Account;
import dev.patriotforge.testsupport.api.Api.Tokens;
import dev.patriotforge.testsupport.api.Credentials;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Accounts and sessions, end to end: through the gateway, across both services. */
@Tag("flow")
class AuthFlowIT {

    @BeforeEach
    void suiteIsUp() {
        Suite.assumeRunning();
    }

    @Test
    void aNewCustomerRegistersLogsInAndSeesTheirProfile() {
        Account account = Suite.register("customer");
        gateway()
                .body(
                        Map.of(
                                "email", account.email(),
                                "password", Credentials.password(),
                                "display_name", "Again"))
                .post("/api/auth/register")
                .then()
                .statusCode(409)
                .body("code", equalTo("duplicate_email"));

        Response login =
                gateway()
                        .body(Map.of("email", account.email(), "password", account.password()))
                        .post("/api/auth/login");
        login.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Set-Cookie", containsString("forge_refresh="))
                .body("token_type", equalTo("Bearer"))
                .body("access_token", notNullValue())
                .body("refresh_token", notNullValue());

        gateway(login.path("access_token"))
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(account.id()))
                .body("email", equalTo(account.email()))
                .body("role", equalTo("customer"));
    }

    @Test
    void aLogoutIsSeenByQuoteServiceWithinOneSecond() throws InterruptedException {
        Tokens tokens = Suite.login(Suite.register("logout"));
        gateway(tokens.access()).get("/api/quotes").then().statusCode(200);

        gateway(tokens.access()).post("/api/auth/logout").then().statusCode(204);
        long loggedOutAt = System.nanoTime();

        Response refused = awaitStatus(tokens.access(), 401, Duration.ofSeconds(1));
        Duration seenAfter = Duration.ofNanos(System.nanoTime() - loggedOutAt);
        assertThat(refused.statusCode())
                .as(
                        "quote-service still accepted the token %d ms after logout",
                        seenAfter.toMillis())
                .isEqualTo(401);
        assertThat(refused.jsonPath().getString("code")).isIn("token_revoked", "token_invalid");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        gateway(tokens.access()).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void presentingASpentRefreshTokenAgainRevokesTheWholeSession() throws InterruptedException {
        Tokens first = Suite.login(Suite.register("refresh"));
        Tokens previous = refresh(first.refresh());
        // Two rotations back: older than the immediately previous token, which the refresh grace
        // (FORGE_AUTH_REFRESH_GRACE) would still answer with a fresh pair.
        Tokens second = refresh(previous.refresh());
        assertThat(second.refresh()).isNotEqualTo(first.refresh());
        gateway(second.access()).get("/api/quotes").then().statusCode(200);

        Response reuse =
                gateway().body(Map.of("refresh_token", first.refresh())).post("/api/auth/refresh");
        assertProblem(reuse, 401, "refresh_token_reused");

        gateway()
                .body(Map.of("refresh_token", second.refresh()))
                .post("/api/auth/refresh")
                .then()
                .statusCode(401);
        gateway(second.access()).get("/api/auth/me").then().statusCode(401);
        awaitStatus(second.access(), 401, Duration.ofSeconds(1)).then().statusCode(401);
    }

    @Test
    void aForwardedForHeaderFromTheClientIsNotBelieved() {
        Account account = Suite.register("forwarded");
        String access =
                gateway()
                        .header("X-Forwarded-For", "203.0.113.77")
                        .header("Forwarded", "for=203.0.113.78")
                        .body(Map.of("email", account.email(), "password", account.password()))
                        .post("/api/auth/login")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token");
        List<String> ips =
                gateway(access)
                        .header("X-Forwarded-For", "203.0.113.79")
                        .get("/api/auth/sessions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.ip", String.class);
        assertThat(ips).isNotEmpty().doesNotContain("203.0.113.77", "203.0.113.78");
    }

    private static Tokens refresh(String refreshToken) {
        var body =
                gateway()
                        .body(Map.of("refresh_token", refreshToken))
                        .post("/api/auth/refresh")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        return new Tokens(body.getString("access_token"), body.getString("refresh_token"));
    }

    /** Polls quote-service with the token until it answers STATUS or the time is up. */
    private static Response awaitStatus(String accessToken, int status, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Response response = gateway(accessToken).get("/api/quotes");
            if (response.statusCode() == status || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(20);
        }
    }
}
