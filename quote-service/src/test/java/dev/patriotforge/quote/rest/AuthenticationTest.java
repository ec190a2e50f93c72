package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jose.jwk.RSAKey;
import dev.patriotforge.quote.support.RedisAdmin;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.shared.security.RedisKeys;
import dev.patriotforge.shared.security.Roles;
import dev.patriotforge.testsupport.jwt.JwksServer;
import dev.patriotforge.testsupport.jwt.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bearer tokens: what is accepted, what every kind of forgery gets, and revocation. */
@QuarkusTest
class AuthenticationTest {
    private final UUID user = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();

    private Tokens.Builder token() {
        return Tokens.of(user, Roles.CUSTOMER, session);
    }

    private static ValidatableResponse listWith(String token) {
        return given().header("Authorization", "Bearer " + token).get(BASE).then();
    }

    private static void assertRejected(String token, String code) {
        listWith(token)
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo(code));
    }

    @Test
    void aValidTokenIsAccepted() {
        listWith(token().rs256()).statusCode(200);
    }

    @Test
    void noTokenIsUnauthenticated() {
        given().get(BASE)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo("unauthenticated"));
        given().get(BASE + "/" + UUID.randomUUID()).then().statusCode(401);
        given().post(BASE + "/" + UUID.randomUUID() + "/submit").then().statusCode(401);
    }

    @Test
    void algNoneIsRejected() {
        assertRejected(token().unsigned(), "token_invalid");
    }

    /** The algorithm-confusion attack: HS256 keyed with the RSA public key that anyone can read. */
    @Test
    void hs256IsRejected() {
        for (byte[] publicKey : Tokens.publishedKeyBytes()) {
            assertRejected(token().hs256(publicKey), "token_invalid");
        }
    }

    @Test
    void aKeyThatIsNotPublishedIsRejected() {
        assertRejected(
                token().signedWith(Tokens.rogueKey("rogue-" + UUID.randomUUID())).rs256(),
                "token_invalid");
    }

    @Test
    void aRogueKeyClaimingThePublishedKidIsRejected() {
        RSAKey rogue = Tokens.rogueKey(JwksServer.KEY_ID);
        assertRejected(token().signedWith(rogue).rs256(), "token_invalid");
    }

    @Test
    void wrongIssuerIsRejected() {
        assertRejected(token().issuer("https://evil.example").rs256(), "token_invalid");
    }

    @Test
    void wrongAudienceIsRejected() {
        assertRejected(token().audience("someone-else").rs256(), "token_invalid");
    }

    @Test
    void aTokenThatIsNotAnAccessTokenIsRejected() {
        assertRejected(token().type("JWT").rs256(), "token_invalid");
        assertRejected(token().type(null).rs256(), "token_invalid");
    }

    @Test
    void anExpiredTokenIsRejectedAsExpired() {
        assertRejected(token().expiresAt(Instant.now().minusSeconds(600)).rs256(), "token_expired");
    }

    @Test
    void aTamperedTokenIsRejected() {
        String[] parts = token().rs256().split("\\.", -1);
        String claims =
                new String(
                                Base64.getUrlDecoder().decode(parts[1]),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"customer\"", "\"admin\"");
        String tampered =
                parts[0]
                        + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(
                                        claims.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + "."
                        + parts[2];
        assertRejected(tampered, "token_invalid");
    }

    @Test
    void aTokenWithoutSessionIsRejected() {
        assertRejected(token().withoutSid().rs256(), "token_invalid");
    }

    @Test
    void garbageIsRejected() {
        assertRejected("not.a.jwt", "token_invalid");
        given().header("Authorization", "Basic dXNlcjpwYXNz").get(BASE).then().statusCode(401);
    }

    @Test
    void aRoleTheContractDoesNotKnowIsForbidden() {
        String token = Tokens.of(user, "superuser", session).rs256();
        listWith(token).statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void aRevokedSessionIsRejectedOnTheNextRequest() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        try (RedisAdmin redis = RedisAdmin.connect()) {
            redis.command("SET", RedisKeys.revokedSession(owner.sessionId()), "1", "EX", "900");
        }
        given().header("Authorization", owner.bearer())
                .get(BASE + "/" + id)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo("token_revoked"));
        // Another session of the same user still works.
        String other = Tokens.of(owner.id(), Roles.CUSTOMER, UUID.randomUUID()).rs256();
        given().header("Authorization", "Bearer " + other)
                .get(BASE + "/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void unknownKidsTriggerAtMostOneJwksRefetch() {
        listWith(token().rs256()).statusCode(200);
        int before = Tokens.jwksFetches();
        for (int i = 0; i < 20; i++) {
            assertRejected(
                    token().signedWith(Tokens.rogueKey("forged-" + i)).rs256(), "token_invalid");
        }
        assertThat(Tokens.jwksFetches() - before).isLessThanOrEqualTo(1);
        listWith(token().rs256()).statusCode(200);
    }
}
