package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.testsupport.Problems.problem;
import static io.restassured.RestAssured.given;

import dev.patriotforge.shared.security.Roles;
import dev.patriotforge.testsupport.jwt.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * FORGE_MFA_REQUIRED_ROLES=staff,admin (the prod overlay's value) at quote-service, in an app of
 * its own: the check of service-common refuses staff and admin tokens without otp in amr.
 */
@QuarkusTest
@TestProfile(MfaRequiredRolesTest.StaffAndAdmin.class)
class MfaRequiredRolesTest {

    /** The prod overlay's setting. */
    public static class StaffAndAdmin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forge.mfa.required-roles", "staff,admin");
        }
    }

    private static Response list(String token) {
        return given().header("Authorization", "Bearer " + token).get(BASE);
    }

    private static Tokens.Builder token(String role) {
        return Tokens.of(UUID.randomUUID(), role, UUID.randomUUID());
    }

    @Test
    void staffAndAdminTokensWithoutOtpAreRefused() {
        problem(list(token(Roles.STAFF).amr("pwd").rs256()), 403, "mfa_required");
        problem(list(token(Roles.ADMIN).amr("pwd").rs256()), 403, "mfa_required");
        problem(list(token(Roles.STAFF).rs256()), 403, "mfa_required");
    }

    @Test
    void otpOrAnotherRolePasses() {
        list(token(Roles.STAFF).amr("pwd", "otp").rs256()).then().statusCode(200);
        list(token(Roles.ADMIN).amr("pwd", "otp").rs256()).then().statusCode(200);
        list(token(Roles.CUSTOMER).amr("pwd").rs256()).then().statusCode(200);
    }
}
