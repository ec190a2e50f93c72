package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static org.hamcrest.Matchers.equalTo;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import dev.patriotforge.auth.support.Authenticator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * FORGE_MFA_REQUIRED_ROLES=staff,admin (the prod overlay's value), in an app of its own: a staff or
 * admin token without otp gets 403 mfa_required outside /me, /mfa/*, /logout and /sessions.
 */
@QuarkusTest
@TestProfile(MfaRequiredRolesTest.StaffAndAdmin.class)
class MfaRequiredRolesTest {
    @Inject AuthDb db;

    /** The prod overlay's setting. */
    public static class StaffAndAdmin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forge.mfa.required-roles", "staff,admin");
        }
    }

    private Api.Session withRole(String role) {
        Api.Account account = Api.register("mfa-role-" + role);
        db.update(
                "UPDATE auth.forge_users SET role = ? WHERE id = ?",
                role,
                UUID.fromString(account.id()));
        return Api.login(account);
    }

    @Test
    void anAdminWithoutOtpMayOnlyEnrolAndManageItsSessions() {
        Api.Session admin = withRole("admin");
        problem(Api.bearer(admin.accessToken()).get("/api/auth/users"), 403, "mfa_required");
        problem(Api.bearer(admin.accessToken()).post("/api/auth/logout-all"), 403, "mfa_required");
        Api.bearer(admin.accessToken()).get("/api/auth/me").then().statusCode(200);
        Api.bearer(admin.accessToken()).get("/api/auth/sessions").then().statusCode(200);
        Authenticator app = Authenticator.enrolAndConfirm(admin.accessToken()).app();
        // The same session stays pwd-only; a two-step login gets otp and the admin endpoints.
        problem(Api.bearer(admin.accessToken()).get("/api/auth/users"), 403, "mfa_required");
        Api.Session full = MfaOffTest.twoStep(admin.account(), app);
        Api.bearer(full.accessToken()).get("/api/auth/users").then().statusCode(200);
        Api.bearer(admin.accessToken()).post("/api/auth/logout").then().statusCode(204);
    }

    @Test
    void staffIsHeldTooAndCustomersAreNot() {
        Api.Session staff = withRole("staff");
        // Admin endpoints refuse staff by role first, as before.
        problem(Api.bearer(staff.accessToken()).get("/api/auth/users"), 403, "forbidden");
        problem(Api.bearer(staff.accessToken()).post("/api/auth/logout-all"), 403, "mfa_required");
        problem(
                Api.changePassword(staff.accessToken(), staff.account().password(), Api.password()),
                403,
                "mfa_required");
        Api.bearer(staff.accessToken())
                .contentType("application/json")
                .body(Map.of("display_name", "Staffer"))
                .patch("/api/auth/me")
                .then()
                .statusCode(200)
                .body("display_name", equalTo("Staffer"));
        Api.Session customer = Api.registerAndLogin("mfa-role-customer");
        problem(Api.bearer(customer.accessToken()).get("/api/auth/users"), 403, "forbidden");
        Api.bearer(customer.accessToken()).post("/api/auth/logout-all").then().statusCode(204);
    }
}
