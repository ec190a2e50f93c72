package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.priceBody;
import static dev.patriotforge.quote.support.QuoteApi.submit;
import static dev.patriotforge.testsupport.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.shared.security.Roles;
import dev.patriotforge.testsupport.jwt.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * FORGE_MFA_REQUIRED_ROLES at quote-service (contract 2.2). The tests run with the prod overlay's
 * value, {@code staff,admin} (application.properties, %test): a staff or admin token without {@code
 * otp} in {@code amr} gets 403 {@code mfa_required} on every quote endpoint, before anything is
 * looked up or changed; a customer needs no second factor, and staff with one work as usual.
 */
@QuarkusTest
class MfaRequiredRolesTest {

    /** A user of {@code role} whose token has {@code amr} as given (none at all when empty). */
    private static TestUser withAmr(String role, String... amr) {
        UUID id = UUID.randomUUID();
        UUID sid = UUID.randomUUID();
        Tokens.Builder token = Tokens.of(id, role, sid);
        token = amr.length == 0 ? token.withoutAmr() : token.amr(amr);
        return new TestUser(id, role, sid, token.rs256());
    }

    private static Response list(TestUser user) {
        return given().header("Authorization", user.bearer()).get(BASE);
    }

    /** The whole problem document of the contract (section 1), code mfa_required. */
    private static void assertMfaRequired(Response response) {
        problem(response, 403, "mfa_required")
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()))
                .body("instance", startsWith(BASE));
    }

    @Test
    void staffAndAdminWithoutOtpAreRefusedEverywhere() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        submit(owner, id).statusCode(200);
        for (TestUser user :
                new TestUser[] {
                    withAmr(Roles.STAFF, "pwd"),
                    withAmr(Roles.ADMIN, "pwd"),
                    withAmr(Roles.STAFF),
                    withAmr(Roles.ADMIN, "pwd", "hwk")
                }) {
            assertMfaRequired(list(user));
            assertMfaRequired(given().header("Authorization", user.bearer()).get(BASE + "/" + id));
            // A quote that does not exist: the policy answers before anything is looked up.
            assertMfaRequired(
                    given().header("Authorization", user.bearer())
                            .get(BASE + "/" + UUID.randomUUID()));
            assertMfaRequired(
                    given().header("Authorization", user.bearer())
                            .get(BASE + "/" + id + "/revisions"));
            assertMfaRequired(
                    given().header("Authorization", user.bearer())
                            .contentType(ContentType.JSON)
                            .body(priceBody(TestUser.staff(), id, inDays(30)))
                            .post(BASE + "/" + id + "/price"));
        }
        // The refused price changed nothing.
        fetch(owner, id).statusCode(200).body("status", equalTo("submitted"));
    }

    @Test
    void aCustomerNeedsNoSecondFactor() {
        TestUser customer = withAmr(Roles.CUSTOMER, "pwd");
        String id = createDraft(customer);
        fetch(customer, id).statusCode(200).body("id", equalTo(id));
        list(customer).then().statusCode(200);
        TestUser old = withAmr(Roles.CUSTOMER);
        list(old).then().statusCode(200);
    }

    @Test
    void staffAndAdminWithOtpWorkAsUsual() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        submit(owner, id).statusCode(200);
        TestUser staff = withAmr(Roles.STAFF, "pwd", "otp");
        list(staff).then().statusCode(200);
        price(staff, id, priceBody(staff, id, inDays(30)))
                .statusCode(200)
                .body("status", equalTo("priced"));
        TestUser admin = withAmr(Roles.ADMIN, "pwd", "otp");
        fetch(admin, id).statusCode(200).body("status", equalTo("priced"));
        // test-support's default tokens for staff and admin carry otp, as every other test relies.
        list(TestUser.staff()).then().statusCode(200);
        list(TestUser.admin()).then().statusCode(200);
    }
}
