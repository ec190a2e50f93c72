package dev.patriotforge.auth.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import dev.patriotforge.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsAndOpenApiTest {

    @Test
    void loginsRefreshesRevocationsAndLockoutsAreCounted() {
        Api.Session session = Api.registerAndLogin("metrics");
        Api.loginResponse(session.account().email(), "Wrong-Password-1", Api.ip());
        Api.bearer(session.accessToken()).post("/api/auth/logout").then().statusCode(204);
        given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("forge_auth_logins_total{outcome=\"success\""))
                .body(containsString("forge_auth_logins_total{outcome=\"invalid_credentials\""))
                .body(containsString("forge_auth_revocations_total{reason=\"logout\""))
                .body(containsString("forge_auth_lockouts_total"))
                .body(containsString("forge_auth_password_hash_seconds"));
    }

    @Test
    void openApiDocumentsEveryEndpointWithItsErrorCodes() {
        ValidatableResponse doc =
                given().accept("application/json").get("/q/openapi").then().statusCode(200);
        String[][] expected = {
            {"/api/auth/register", "post", "201", "409", "422", "429"},
            {"/api/auth/login", "post", "200", "401", "422", "429"},
            {"/api/auth/refresh", "post", "200", "401"},
            {"/api/auth/logout", "post", "204", "401"},
            {"/api/auth/logout-all", "post", "204", "401"},
            {"/api/auth/me", "get", "200", "401"},
            {"/api/auth/me", "patch", "200", "401", "422"},
            {"/api/auth/password", "post", "204", "401", "422"},
            {"/api/auth/sessions", "get", "200", "401"},
            {"/api/auth/sessions/{id}", "delete", "204", "401", "404"},
            {"/api/auth/users", "get", "200", "401", "403", "422"},
            {"/api/auth/users/{id}", "get", "200", "401", "403", "404"},
            {"/api/auth/users/{id}", "patch", "200", "401", "403", "404", "422"},
            {"/api/auth/users/{id}", "delete", "204", "401", "403", "404"},
            {"/api/auth/.well-known/jwks.json", "get", "200"},
            {"/api/auth/.well-known/openid-configuration", "get", "200"},
        };
        for (String[] op : expected) {
            String base = "paths.'" + op[0] + "'." + op[1];
            doc.body(base, notNullValue());
            for (int i = 2; i < op.length; i++) {
                doc.body(base + ".responses", hasKey(op[i]));
            }
        }
        doc.body("components.schemas", hasKey("Problem"));
        // Every error response is a problem document (service-common's OpenAPI filter adds it).
        for (String[] op : expected) {
            for (int i = 2; i < op.length; i++) {
                if (op[i].startsWith("4") || op[i].startsWith("5")) {
                    doc.body(
                            "paths.'"
                                    + op[0]
                                    + "'."
                                    + op[1]
                                    + ".responses.'"
                                    + op[i]
                                    + "'.content.'application/problem+json'.schema.'$ref'",
                            equalTo("#/components/schemas/Problem"));
                }
            }
        }
        // Secrets are documented as plain strings, never as objects.
        doc.body("components.schemas.Secret.type", equalTo("string"));
        doc.body("components.schemas.Secret.format", equalTo("password"));
    }
}
