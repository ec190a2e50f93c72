package dev.patriotforge.testsupport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The public API of both services (CONTRACT.md sections 2 and 3) over REST Assured: against the
 * application under test ({@link #local}), one replica ({@link #direct}) or the gateway ({@link
 * #gateway}). Requests straight to a service carry this client's own {@code X-Forwarded-For}
 * address (see {@link ClientIps}), which the services trust from loopback; through the gateway, the
 * gateway sets it.
 */
public final class Api {
    /** No request may hang: 5 s to connect, 30 s for an answer (the gateway's read timeout). */
    public static final RestAssuredConfig CONFIG =
            RestAssuredConfig.config()
                    .httpClient(
                            HttpClientConfig.httpClientConfig()
                                    .setParam("http.connection.timeout", 5_000)
                                    .setParam("http.socket.timeout", 30_000));

    private final URI base;
    private final String clientIp;

    private Api(URI base, String clientIp) {
        this.base = base;
        this.clientIp = clientIp;
    }

    /** The application under test (REST Assured's default base), as a client of its own. */
    public static Api local() {
        return new Api(null, ClientIps.next());
    }

    /** Straight to a replica, as a client with an address of its own. */
    public static Api direct(URI replica) {
        return new Api(replica, ClientIps.next());
    }

    /** Through the gateway (which sets X-Forwarded-For itself). */
    public static Api gateway(URI gateway) {
        return new Api(gateway, null);
    }

    /** The same client (same address) talking to another replica. */
    public Api at(URI other) {
        return new Api(other, clientIp);
    }

    /** Another client address at the same base URI. */
    public Api from(String ip) {
        return new Api(base, ip);
    }

    public URI base() {
        return base;
    }

    public RequestSpecification request() {
        RequestSpecification spec =
                given().config(CONFIG)
                        .contentType(ContentType.JSON)
                        .accept("application/json, application/problem+json");
        if (base != null) {
            spec = spec.baseUri(base.toString());
        }
        if (clientIp != null) {
            spec = spec.header("X-Forwarded-For", clientIp);
        }
        return spec;
    }

    public RequestSpecification authorized(String accessToken) {
        return request().header("Authorization", "Bearer " + accessToken);
    }

    // --- auth-service ----------------------------------------------------------------------------

    /** An account: its credentials and, once registered, its id. */
    public record Account(String email, String password, String id) {}

    public record Tokens(String access, String refresh) {}

    /** A fresh, unused email and a strong random password. */
    public static Account newCredentials() {
        return newCredentials("test");
    }

    /** Fresh credentials whose email starts with {@code tag}. */
    public static Account newCredentials(String tag) {
        return new Account(Credentials.email(tag), Credentials.password(), null);
    }

    public Response register(Account credentials) {
        return register(credentials, "Test account");
    }

    public Response register(Account credentials, String displayName) {
        return request()
                .body(
                        Map.of(
                                "email",
                                credentials.email(),
                                "password",
                                credentials.password(),
                                "display_name",
                                displayName))
                .post("/api/auth/register");
    }

    /** Registers a new customer; fails the test unless that gives 201. */
    public Account newAccount() {
        return newAccount("test");
    }

    /** Registers a new customer tagged {@code tag}; fails the test unless that gives 201. */
    public Account newAccount(String tag) {
        Account credentials = newCredentials(tag);
        Response response = register(credentials, "Test " + tag);
        assertThat(response.statusCode()).as("register: %s", response.asString()).isEqualTo(201);
        return new Account(
                credentials.email(), credentials.password(), response.path("id").toString());
    }

    public Response login(String email, String password) {
        return request().body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }

    /** Logs in; fails the test unless that gives 200. */
    public Tokens tokens(Account account) {
        return tokens(account.email(), account.password());
    }

    /** Logs in; fails the test unless that gives 200. */
    public Tokens tokens(String email, String password) {
        Response response = login(email, password);
        assertThat(response.statusCode()).as("login: %s", response.asString()).isEqualTo(200);
        return new Tokens(response.path("access_token"), response.path("refresh_token"));
    }

    public Response me(String accessToken) {
        return authorized(accessToken).get("/api/auth/me");
    }

    public Response logout(String accessToken) {
        return authorized(accessToken).post("/api/auth/logout");
    }

    public Response refresh(String refreshToken) {
        return request().body(Map.of("refresh_token", refreshToken)).post("/api/auth/refresh");
    }

    // --- quote-service ---------------------------------------------------------------------------

    /** A create body, as JSON text: two lines in USD. */
    public static String quoteBody(String title) {
        return Json.write(
                Map.of(
                        "title",
                        title,
                        "currency",
                        "USD",
                        "items",
                        List.of(
                                Map.of("description", "Steel bracket", "quantity", 4, "unit", "ea"),
                                Map.of("description", "Welding", "quantity", 1.5, "unit", "h"))));
    }

    public Response createQuote(String accessToken, String idempotencyKey, String title) {
        RequestSpecification spec = authorized(accessToken).body(quoteBody(title));
        if (idempotencyKey != null) {
            spec = spec.header("Idempotency-Key", idempotencyKey);
        }
        return spec.post("/api/quotes");
    }

    public Response listQuotes(String accessToken) {
        return authorized(accessToken).get("/api/quotes");
    }

    public Response quote(String accessToken, String id) {
        return authorized(accessToken).get("/api/quotes/" + id);
    }
}
