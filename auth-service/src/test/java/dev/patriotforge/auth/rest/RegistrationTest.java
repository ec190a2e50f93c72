package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.patriotforge.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationTest {

    private static Map<String, Object> body(String email, String password, String name) {
        return Map.of("email", email, "password", password, "display_name", name);
    }

    @Test
    void registrationCreatesACustomerWithANormalizedEmail() {
        String email = Api.email("Reg");
        Api.from(Api.ip())
                .body(
                        body(
                                "  " + email.toUpperCase(java.util.Locale.ROOT) + " ",
                                Api.password(),
                                "  Ann Example "))
                .post("/api/auth/register")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", matchesPattern(".*/api/auth/users/[0-9a-f-]{36}"))
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("email", equalTo(email.toLowerCase(java.util.Locale.ROOT)))
                .body("display_name", equalTo("Ann Example"))
                .body("role", equalTo("customer"))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z"))
                .body("updated_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z"))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("password_hash")));
    }

    @Test
    void registeringATakenEmailIsAConflictWhateverItsCase() {
        Api.Account existing = Api.register("dup");
        problem(
                Api.from(Api.ip())
                        .body(
                                body(
                                        existing.email().toUpperCase(java.util.Locale.ROOT),
                                        Api.password(),
                                        "Other"))
                        .post("/api/auth/register"),
                409,
                "duplicate_email");
    }

    @Test
    void passwordsOutsideTwelveToOneHundredTwentyEightCharactersAreRejected() {
        problem(
                        Api.from(Api.ip())
                                .body(body(Api.email("short"), "Ab3$efgh1jk", "Ann"))
                                .post("/api/auth/register"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("password"));
        problem(
                        Api.from(Api.ip())
                                .body(body(Api.email("long"), "Xy7!" + "q".repeat(125), "Ann"))
                                .post("/api/auth/register"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("password"));
    }

    @Test
    void commonAndEasilyGuessedPasswordsAreRejected() {
        for (String weak :
                new String[] {
                    "password1234",
                    "Password2024!",
                    "P@ssw0rd12345",
                    "winniethepooh",
                    "aaaaaaaaaaaaaa",
                    "123456789012",
                    "qwertyuiop123",
                    "abcabcabcabc"
                }) {
            problem(
                            Api.from(Api.ip())
                                    .body(body(Api.email("weak"), weak, "Ann"))
                                    .post("/api/auth/register"),
                            422,
                            "validation_failed")
                    .body("errors.field", hasItem("password"));
        }
    }

    @Test
    void aPasswordContainingTheEmailsNameIsRejected() {
        String email = "margaret.hale-" + System.nanoTime() + "@forge.test";
        String local = email.substring(0, email.indexOf('@'));
        problem(
                        Api.from(Api.ip())
                                .body(
                                        body(
                                                email,
                                                "Zx9-"
                                                        + local.toUpperCase(java.util.Locale.ROOT)
                                                        + "-Qv",
                                                "Meg"))
                                .post("/api/auth/register"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("password"));
    }

    @Test
    void badEmailsAndDisplayNamesAreNamedInOneAnswer() {
        problem(
                        Api.from(Api.ip())
                                .body(body("not-an-email", Api.password(), "   "))
                                .post("/api/auth/register"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItems("email", "display_name"));
        String longEmail =
                "a".repeat(64)
                        + "@"
                        + "b".repeat(63)
                        + "."
                        + "c".repeat(63)
                        + "."
                        + "d".repeat(63)
                        + ".com";
        problem(
                        Api.from(Api.ip())
                                .body(body(longEmail, Api.password(), "x".repeat(101)))
                                .post("/api/auth/register"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItems("email", "display_name"));
    }

    @Test
    void bodiesThatBreakTheSchemaAreValidationFailures() {
        problem(
                        Api.from(Api.ip())
                                .body(
                                        Map.of(
                                                "email",
                                                Api.email("x"),
                                                "password",
                                                Api.password(),
                                                "display_name",
                                                "Ann",
                                                "role",
                                                "admin"))
                                .post("/api/auth/register"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("role"));
        problem(
                        Api.from(Api.ip())
                                .body(
                                        "{\"email\": 5, \"password\": \"x\", \"display_name\":"
                                                + " \"A\"}")
                                .post("/api/auth/register"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("email"));
        problem(
                        Api.from(Api.ip())
                                .body("{\"email\": \"a@b.co\", \"display_name\": \"A\"}")
                                .post("/api/auth/register"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("password"));
        problem(Api.from(Api.ip()).body("").post("/api/auth/register"), 422, "validation_failed")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        problem(
                Api.from(Api.ip()).body("{\"email\": ").post("/api/auth/register"),
                400,
                "malformed_request");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsUnsupported() {
        problem(
                Api.from(Api.ip())
                        .contentType(ContentType.TEXT)
                        .body("email=a@b.co")
                        .post("/api/auth/register"),
                415,
                "unsupported_media_type");
    }

    @Test
    void registrationsPerClientIpAreLimitedWithRetryAfter() {
        String ip = Api.ip();
        int limit =
                org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("forge.auth.ip.registrations", Integer.class);
        for (int i = 0; i < limit; i++) {
            Api.from(ip)
                    .body(body(Api.email("flood"), Api.password(), "Flood"))
                    .post("/api/auth/register")
                    .then()
                    .statusCode(201);
        }
        problem(
                        Api.from(ip)
                                .body(body(Api.email("flood"), Api.password(), "Flood"))
                                .post("/api/auth/register"),
                        429,
                        "rate_limited")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        Api.from(Api.ip())
                .body(body(Api.email("other-ip"), Api.password(), "Other"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
    }
}
