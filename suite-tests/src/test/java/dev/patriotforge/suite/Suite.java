package dev.patriotforge.suite;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where the running suite is (system properties set by {@code deploy/test/run-suite-tests}) and the
 * few steps every scenario needs: register, log in, call through the gateway.
 */
final class Suite {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String TYPE_BASE = "https://patriotforge.dev/problems/";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient RAW =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Suite() {}

    /** Skips the calling test unless the suite runs (the URL of its gateway is given). */
    static void assumeRunning() {
        assumeTrue(!gatewayUrl().isEmpty(), "forge.gateway.url is not set: the suite is not up");
    }

    static String gatewayUrl() {
        return property("forge.gateway.url");
    }

    static String property(String name) {
        String value = System.getProperty(name, "").trim();
        return value.startsWith("${") ? "" : value;
    }

    /** A request to the gateway with a JSON body type and a recognisable request id. */
    static RequestSpecification gateway() {
        return given().baseUri(gatewayUrl())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .header("X-Request-Id", "suite-" + UUID.randomUUID());
    }

    static RequestSpecification gateway(String accessToken) {
        return gateway().auth().oauth2(accessToken);
    }

    /** A request sent exactly as written (no path normalization, no re-encoding). */
    static HttpResponse<String> raw(String method, String rawPath, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(gatewayUrl() + rawPath))
                        .timeout(Duration.ofSeconds(30))
                        .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> rawPost(String rawPath, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(gatewayUrl() + rawPath))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        return RAW.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts an RFC 9457 problem document with the contract's fields and the given code. */
    static JsonPath assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonPath body = JsonPath.from(response.body());
        assertThat(body.getString("type")).isEqualTo(TYPE_BASE + code);
        assertThat(body.getString("code")).isEqualTo(code);
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("title")).isNotBlank();
        assertThat(body.getString("detail")).isNotBlank();
        assertThat(body.getString("instance")).startsWith("/");
        assertThat(body.getString("request_id"))
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return body;
    }

    static void assertProblem(Response response, int status, String code) {
        response.then()
                .statusCode(status)
                .contentType(PROBLEM_JSON)
                .header("X-Request-Id", response.jsonPath().getString("request_id"));
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        assertThat(response.jsonPath().getString("type")).isEqualTo(TYPE_BASE + code);
    }

    /** Asserts the status, showing the answer (a problem document, never a secret) if not. */
    static void expectStatus(Response response, int status, String step) {
        assertThat(response.statusCode())
                .as("%s answered %d: %s", step, response.statusCode(), response.asString())
                .isEqualTo(status);
    }

    static String uniqueEmail(String role) {
        return ("suite-" + role + "-" + UUID.randomUUID() + "@example.com")
                .toLowerCase(Locale.ROOT);
    }

    /** A long random password that no common-password list contains. */
    static String newPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Suite-" + HexFormat.of().formatHex(bytes) + "-pw";
    }

    record Account(String id, String email, String password) {}

    record Tokens(String accessToken, String refreshToken) {}

    /** Registers a new customer through the gateway. */
    static Account register(String role) {
        String email = uniqueEmail(role);
        String password = newPassword();
        Response response =
                gateway()
                        .body(
                                Map.of(
                                        "email", email,
                                        "password", password,
                                        "display_name", "Suite " + role))
                        .post("/api/auth/register");
        expectStatus(response, 201, "register");
        return new Account(response.path("id"), email, password);
    }

    static Tokens login(String email, String password) {
        Response response =
                gateway()
                        .body(Map.of("email", email, "password", password))
                        .post("/api/auth/login");
        expectStatus(response, 200, "login");
        JsonPath body = response.jsonPath();
        return new Tokens(body.getString("access_token"), body.getString("refresh_token"));
    }

    static Tokens login(Account account) {
        return login(account.email(), account.password());
    }

    /** The bootstrap admin that run-suite-tests gave auth-service. */
    static Tokens adminLogin() {
        String email = property("forge.admin.email");
        assumeTrue(!email.isEmpty(), "forge.admin.email is not set");
        return login(email, property("forge.admin.password"));
    }
}
