package dev.patriotforge.auth.hostile;

import static dev.patriotforge.testsupport.hostile.HostileBody.render;
import static dev.patriotforge.testsupport.hostile.HostileBody.shown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.testsupport.random.Gen;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A batch of requests the contract rejects (bad registrations, bad PATCHes of the caller's account,
 * bad password changes, bad role changes, and the same by callers who may not) leaves every row of
 * the auth schema exactly as it was: users, sessions and refresh tokens, all columns.
 */
@QuarkusTest
class RejectedRequestsChangeNothingTest {
    private static final int SAMPLES = 12;

    @Inject DataSource dataSource;

    @Test
    void rejectedRequestsOfEveryKindLeaveEveryRowOfTheAuthSchemaAsItWas() {
        Api.Session admin = Admins.boss();
        Api.Account me = Api.register("unchanged");
        Api.Session session = Api.login(me);
        Api.Session other = Api.registerAndLogin("unchanged-other");
        Answers answers = new Answers("rejected requests");

        Map<String, String> before = AuthRows.snapshot(dataSource);

        send(
                answers,
                "rejected registrations",
                RejectedBodies.registrations(),
                field ->
                        switch (field) {
                            case "email" -> Api.email("rejected");
                            case "password" -> Api.password();
                            default -> "Rejected Ann";
                        },
                () -> Api.from(Api.ip()),
                "POST",
                "/api/auth/register");
        send(
                answers,
                "rejected PATCH /me",
                RejectedBodies.displayNameChanges(),
                field -> "Changed Name",
                () -> Api.bearer(session.accessToken()),
                "PATCH",
                "/api/auth/me");
        send(
                answers,
                "rejected password changes",
                RejectedBodies.passwordChanges(),
                field -> "current_password".equals(field) ? me.password() : Api.password(),
                () -> Api.bearer(session.accessToken()),
                "POST",
                "/api/auth/password");
        send(
                answers,
                "rejected role changes",
                RejectedBodies.roleChanges(),
                field -> "admin",
                () -> Api.bearer(admin.accessToken()),
                "PATCH",
                "/api/auth/users/" + other.account().id());

        // Rejected for who is asking, or for what is named, whatever the body.
        String promote = "{\"role\":\"admin\"}";
        String users = "/api/auth/users/";
        answers.checkRejected(
                "taken email, other case",
                Api.from(Api.ip())
                        .body(
                                Map.of(
                                        "email", other.account().email().toUpperCase(Locale.ROOT),
                                        "password", Api.password(),
                                        "display_name", "Twin"))
                        .post("/api/auth/register"));
        answers.checkRejected(
                "customer promotes themselves",
                json(Api.bearer(session.accessToken())).body(promote).patch(users + me.id()));
        answers.checkRejected(
                "customer promotes another",
                json(Api.bearer(session.accessToken()))
                        .body(promote)
                        .patch(users + other.account().id()));
        answers.checkRejected(
                "customer deletes another",
                Api.bearer(session.accessToken()).delete(users + other.account().id()));
        answers.checkRejected(
                "customer ends another's session",
                Api.bearer(session.accessToken()).delete("/api/auth/sessions/" + other.sid()));
        answers.checkRejected(
                "admin changes an unknown user",
                json(Api.bearer(admin.accessToken()))
                        .body(promote)
                        .patch(users + UUID.randomUUID()));
        answers.checkRejected(
                "admin changes a user named oddly",
                json(Api.bearer(admin.accessToken()))
                        .body(promote)
                        .patch(users + other.account().id() + "x"));
        answers.checkRejected(
                "nobody changes a display name",
                json(RestAssured.given())
                        .body("{\"display_name\":\"Anon\"}")
                        .patch("/api/auth/me"));
        answers.checkRejected(
                "wrong password login",
                Api.loginResponse(other.account().email(), "wrong-Password-7Qz!", Api.ip()));
        answers.checkRejected(
                "unknown refresh token",
                json(Api.from(Api.ip()))
                        .body("{\"refresh_token\":\"" + "A".repeat(43) + "\"}")
                        .post("/api/auth/refresh"));

        Map<String, String> after = AuthRows.snapshot(dataSource);
        answers.assertAllFine();
        assertThat(after)
                .as("rows of the auth schema after %d rejected requests", answers.requests())
                .isEqualTo(before);
        // And the callers are untouched: still who they were, still logged in.
        Api.bearer(session.accessToken()).get("/api/auth/me").then().statusCode(200);
        Api.bearer(other.accessToken()).get("/api/auth/me").then().statusCode(200);
    }

    private static RequestSpecification json(RequestSpecification spec) {
        return spec.contentType(ContentType.JSON);
    }

    private static void send(
            Answers answers,
            String name,
            Gen<Object> bodies,
            Function<String, Object> valid,
            java.util.function.Supplier<RequestSpecification> spec,
            String method,
            String path) {
        for (Object body : FuzzSeed.draw(name, bodies, SAMPLES)) {
            byte[] bytes = render(body, valid);
            answers.checkRejected(
                    name + ": " + method + " " + path + " " + shown(bytes),
                    spec.get().contentType("application/json").body(bytes).request(method, path));
        }
    }
}
