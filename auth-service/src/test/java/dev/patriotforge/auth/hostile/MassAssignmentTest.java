package dev.patriotforge.auth.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.testsupport.hostile.HostileBody;
import dev.patriotforge.testsupport.hostile.JsonLiteral;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Fields a client must never set ({@code role}, {@code id}, {@code email}, the timestamps, {@code
 * password_hash}, {@code version}) are refused with 422 {@code validation_failed} naming the field,
 * in every body that could carry them, and nothing of such a body is applied.
 */
@QuarkusTest
class MassAssignmentTest {
    private static final List<String> PROTECTED = AuthHostile.PROTECTED_FIELDS;

    @Inject DataSource dataSource;

    private static String body(Map<String, Object> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach(
                (k, v) -> {
                    if (b.length() > 1) {
                        b.append(',');
                    }
                    b.append(JsonLiteral.string(k)).append(':').append(HostileBody.text(v));
                });
        return b.append('}').toString();
    }

    private static void refusedNaming(Response response, String field) {
        response.then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem(field));
    }

    private long usersWithEmail(String email) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT count(*) FROM auth.forge_users WHERE email = ?")) {
            s.setString(1, email);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRegistrationCarryingAProtectedFieldIsRefusedNamingItAndCreatesNoUser() {
        for (String field : PROTECTED) {
            if ("email".equals(field)) {
                continue; // a field of registration itself
            }
            String email = Api.email("mass");
            refusedNaming(
                    Api.from(Api.ip())
                            .body(
                                    body(
                                            new java.util.LinkedHashMap<>(
                                                    Map.of(
                                                            "email",
                                                            email,
                                                            "password",
                                                            Api.password(),
                                                            "display_name",
                                                            "Mallory",
                                                            field,
                                                            RejectedBodies.plausible(field)))))
                            .post("/api/auth/register"),
                    field);
            assertThat(usersWithEmail(email)).as("users created with %s set", field).isZero();
        }
    }

    @Test
    void patchingMeWithAProtectedFieldIsRefusedNamingItAndChangesNothing() {
        Api.Session session = Api.registerAndLogin("mass-me");
        Map<String, Object> before =
                Api.bearer(session.accessToken()).get("/api/auth/me").then().extract().path("$");
        for (String field : PROTECTED) {
            for (Map<String, Object> fields :
                    List.of(
                            Map.of(
                                    "display_name",
                                    "Mallory",
                                    field,
                                    RejectedBodies.plausible(field)),
                            Map.of(field, RejectedBodies.plausible(field)))) {
                refusedNaming(
                        Api.bearer(session.accessToken())
                                .contentType(ContentType.JSON)
                                .body(body(fields))
                                .patch("/api/auth/me"),
                        field);
            }
        }
        Map<String, Object> after =
                Api.bearer(session.accessToken()).get("/api/auth/me").then().extract().path("$");
        assertThat(after).isEqualTo(before);
        // Still a customer, and the token still works: nothing was revoked or promoted.
        Api.bearer(session.accessToken()).get("/api/auth/users").then().statusCode(403);
    }

    @Test
    void aRoleChangeCarryingAnyOtherFieldIsRefusedNamingItAndAppliesNothing() {
        Api.Session admin = Admins.boss();
        Api.Session target = Api.registerAndLogin("mass-target");
        String path = "/api/auth/users/" + target.account().id();
        Map<String, Object> before =
                Api.bearer(admin.accessToken()).get(path).then().extract().path("$");
        for (String field : PROTECTED) {
            if ("role".equals(field)) {
                continue; // the one field this body has
            }
            refusedNaming(
                    Api.bearer(admin.accessToken())
                            .contentType(ContentType.JSON)
                            .body(
                                    body(
                                            Map.of(
                                                    "role",
                                                    "admin",
                                                    field,
                                                    RejectedBodies.plausible(field))))
                            .patch(path),
                    field);
        }
        refusedNaming(
                Api.bearer(admin.accessToken())
                        .contentType(ContentType.JSON)
                        .body(body(Map.of("role", "staff", "display_name", "Renamed")))
                        .patch(path),
                "display_name");
        Map<String, Object> after =
                Api.bearer(admin.accessToken()).get(path).then().extract().path("$");
        assertThat(after).isEqualTo(before);
        assertThat(after.get("role")).isEqualTo("customer");
        // A role change would have revoked the target's session: it was not made.
        Api.bearer(target.accessToken()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void protectedFieldsSpelledOtherwiseOrNestedAreUnknownFieldsNotAliases() {
        Api.Session session = Api.registerAndLogin("mass-spelling");
        for (String spelling :
                List.of("Role", "ROLE", "role ", "passwordHash", "deletedAt", "createdAt", "_id")) {
            String email = Api.email("mass-spelling");
            refusedNaming(
                    Api.from(Api.ip())
                            .body(
                                    body(
                                            Map.of(
                                                    "email",
                                                    email,
                                                    "password",
                                                    Api.password(),
                                                    "display_name",
                                                    "Mallory",
                                                    spelling,
                                                    "admin")))
                            .post("/api/auth/register"),
                    spelling);
            assertThat(usersWithEmail(email)).isZero();
        }
        refusedNaming(
                Api.bearer(session.accessToken())
                        .contentType(ContentType.JSON)
                        .body("{\"display_name\":\"Mallory\",\"user\":{\"role\":\"admin\"}}")
                        .patch("/api/auth/me"),
                "user");
        refusedNaming(
                Api.bearer(session.accessToken())
                        .contentType(ContentType.JSON)
                        .body("{\"displayName\":\"Mallory\"}")
                        .patch("/api/auth/me"),
                "displayName");
        Api.bearer(session.accessToken())
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("role", equalTo("customer"))
                .body("display_name", equalTo("Test mass-spelling"));
    }
}
