package dev.patriotforge.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.api.Api.Account;
import dev.patriotforge.testsupport.api.Api.Tokens;
import dev.patriotforge.testsupport.http.Http;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Where the running suite is (system properties set by {@code deploy/test/run-suite-tests}) and the
 * few steps every scenario needs: register, log in, call through the gateway.
 */
final class Suite {
    private static final Http RAW = new Http(Duration.ofSeconds(30));

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
        return RAW.exchange(method, URI.create(gatewayUrl() + rawPath), null, headers);
    }

    static HttpResponse<String> rawPost(String rawPath, byte[] body)
            throws IOException, InterruptedException {
        return RAW.exchange("POST", URI.create(gatewayUrl() + rawPath), body, Map.of());
    }

    /** The contract's client, through the gateway. */
    static Api client() {
        return Api.gateway(URI.create(gatewayUrl()));
    }

    /** Registers a new customer through the gateway. */
    static Account register(String role) {
        return client().newAccount("suite-" + role);
    }

    static Tokens login(String email, String password) {
        return client().tokens(email, password);
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
