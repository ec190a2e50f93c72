package dev.patriotforge.auth.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.patriotforge.auth.security.SigningKeys;
import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.RedisInspector;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Token attacks beyond AccessTokenTest's: a {@code kid} injected with paths, SQL or URLs, an
 * attacker's key embedded in the header ({@code jwk}, {@code jku}), the service's own key used with
 * an algorithm other than RS256, claims of the wrong shape in a correctly signed token, and the
 * token of a deleted account, also after its revocation mark is gone from Redis. Every one is a 401
 * problem at every bearer endpoint.
 */
@QuarkusTest
class TokenAttackTest {
    /** Every endpoint that takes a bearer token, with a body it would accept. */
    private static final List<String[]> BEARER_ENDPOINTS =
            List.of(
                    new String[] {"GET", "/api/auth/me", null},
                    new String[] {"PATCH", "/api/auth/me", "{\"display_name\":\"Mallory\"}"},
                    new String[] {"GET", "/api/auth/sessions", null},
                    new String[] {"DELETE", "/api/auth/sessions/" + UUID.randomUUID(), null},
                    new String[] {"POST", "/api/auth/logout", null},
                    new String[] {"POST", "/api/auth/logout-all", null},
                    new String[] {
                        "POST",
                        "/api/auth/password",
                        "{\"current_password\":\"x\",\"new_password\":\"Fjord-Zq8Wk3Hn5Pv2Lr\"}"
                    },
                    new String[] {"GET", "/api/auth/users", null},
                    new String[] {"GET", "/api/auth/users/" + UUID.randomUUID(), null},
                    new String[] {
                        "PATCH", "/api/auth/users/" + UUID.randomUUID(), "{\"role\":\"admin\"}"
                    },
                    new String[] {"DELETE", "/api/auth/users/" + UUID.randomUUID(), null});

    @Inject SigningKeys keys;
    @Inject RedisInspector redis;

    private static Response call(String token, String[] endpoint) {
        var spec = Api.bearer(token);
        if (endpoint[2] != null) {
            spec = spec.contentType(ContentType.JSON).body(endpoint[2]);
        }
        return spec.request(endpoint[0], endpoint[1]);
    }

    /** A few of them, for attacks that fail before any endpoint's own code runs. */
    private static final List<String[]> SOME_ENDPOINTS =
            List.of(BEARER_ENDPOINTS.get(0), BEARER_ENDPOINTS.get(2), BEARER_ENDPOINTS.get(7));

    /** Asserts a 401 with the given code at each endpoint. */
    private static void refused(String what, String token, String code, List<String[]> endpoints) {
        Answers answers = new Answers(what);
        for (String[] endpoint : endpoints) {
            Response r =
                    answers.check(
                            what + " at " + endpoint[0] + " " + endpoint[1], call(token, endpoint));
            assertThat(r.statusCode())
                    .as("%s at %s %s", what, endpoint[0], endpoint[1])
                    .isEqualTo(401);
            assertThat(r.<String>path("code")).as("%s at %s", what, endpoint[1]).isEqualTo(code);
        }
        answers.assertAllFine();
    }

    private static JWTClaimsSet.Builder claimsOf(Api.Session session) throws Exception {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder(SignedJWT.parse(session.accessToken()).getJWTClaimsSet())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, RSAPrivateKey key)
            throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWSHeader.Builder header(JWSAlgorithm alg) {
        return new JWSHeader.Builder(alg).type(new JOSEObjectType("at+jwt"));
    }

    @Test
    void injectedKidsAndAttackerKeysInTheHeaderAreRefused() throws Exception {
        Api.Session session = Api.registerAndLogin("kid-attack");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        RSAPrivateKey attackerKey = (RSAPrivateKey) attacker.getPrivate();
        RSAKey attackerJwk = new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).build();
        String thumbprint = attackerJwk.computeThumbprint().toString();
        JWTClaimsSet claims = claimsOf(session).build();
        Answers answers = new Answers("forged headers");
        for (String kid :
                List.of(
                        "../../../../../../dev/null",
                        "/proc/self/environ",
                        "' OR '1'='1",
                        "x'; DROP TABLE auth.forge_users; --",
                        "http://127.0.0.1:1/jwks.json",
                        "",
                        "k".repeat(5_000),
                        keys.activeKeyId() + "\u0000",
                        keys.activeKeyId())) {
            String token = sign(header(JWSAlgorithm.RS256).keyID(kid).build(), claims, attackerKey);
            Response r =
                    answers.check(
                            "kid " + Answers.abbreviate(kid),
                            Api.bearer(token).get("/api/auth/me"));
            assertThat(r.statusCode()).as("kid %s", Answers.abbreviate(kid)).isEqualTo(401);
        }
        for (Function<JWSHeader.Builder, JWSHeader.Builder> embed :
                List.<Function<JWSHeader.Builder, JWSHeader.Builder>>of(
                        h -> h.jwk(attackerJwk),
                        h -> h.jwk(attackerJwk).keyID(thumbprint),
                        h -> h.jwkURL(URI.create("http://127.0.0.1:1/jwks.json")),
                        h -> h.x509CertURL(URI.create("http://127.0.0.1:1/cert.pem")))) {
            String token =
                    sign(embed.apply(header(JWSAlgorithm.RS256)).build(), claims, attackerKey);
            Response r = answers.check("embedded key", Api.bearer(token).get("/api/auth/me"));
            assertThat(r.statusCode()).isEqualTo(401);
        }
        answers.assertAllFine();
    }

    @Test
    void theServicesOwnKeyWithAnotherAlgorithmIsRefused() throws Exception {
        Api.Session session = Api.registerAndLogin("alg-attack");
        for (JWSAlgorithm alg :
                List.of(
                        JWSAlgorithm.RS384,
                        JWSAlgorithm.RS512,
                        JWSAlgorithm.PS256,
                        JWSAlgorithm.PS512)) {
            String token =
                    sign(
                            header(alg).keyID(keys.activeKeyId()).build(),
                            claimsOf(session).build(),
                            keys.signingKey());
            refused("own key with " + alg, token, "token_invalid", SOME_ENDPOINTS);
        }
    }

    @Test
    void correctlySignedTokensWithClaimsOfTheWrongShapeAreRefusedNotServerErrors()
            throws Exception {
        Api.Session session = Api.registerAndLogin("claims-attack");
        Instant now = Instant.now();
        Map<String, JWTClaimsSet.Builder> variants =
                Map.of(
                        "sub not a UUID", claimsOf(session).subject("admin"),
                        "sub empty", claimsOf(session).subject(""),
                        "sid not a UUID", claimsOf(session).claim("sid", "../../x"),
                        "sid a number", claimsOf(session).claim("sid", 42),
                        "sid an object", claimsOf(session).claim("sid", Map.of("a", 1)),
                        "no exp", claimsOf(session).expirationTime(null),
                        "lifetime of a year",
                                claimsOf(session)
                                        .expirationTime(Date.from(now.plusSeconds(365 * 86_400L))));
        Answers answers = new Answers("claims of the wrong shape");
        for (Map.Entry<String, JWTClaimsSet.Builder> variant : variants.entrySet()) {
            String token =
                    sign(
                            header(JWSAlgorithm.RS256).keyID(keys.activeKeyId()).build(),
                            variant.getValue().build(),
                            keys.signingKey());
            for (String[] endpoint : SOME_ENDPOINTS) {
                Response r =
                        answers.check(
                                variant.getKey() + " at " + endpoint[1], call(token, endpoint));
                assertThat(r.statusCode())
                        .as("%s at %s %s", variant.getKey(), endpoint[0], endpoint[1])
                        .isIn(401, 403);
            }
        }
        answers.assertAllFine();
    }

    @Test
    void aDeletedUsersTokenIsRevokedAtEveryBearerEndpoint() {
        Api.Session admin = Admins.boss();
        Api.Session doomed = Admins.withRole("doomed-admin", "admin");
        Api.bearer(admin.accessToken())
                .delete("/api/auth/users/" + doomed.account().id())
                .then()
                .statusCode(204);
        refused("deleted admin's token", doomed.accessToken(), "token_revoked", BEARER_ENDPOINTS);
    }

    /**
     * If Redis loses the revocation mark (a flush, a failover without persistence) within the
     * token's 15 minutes, the endpoints that read the caller's account from PostgreSQL still refuse
     * a deleted account's token, and so does refresh. The admin endpoints check the caller's
     * session and role in PostgreSQL too (AdminAuthorityTest). The others (sessions, logout,
     * logout-all) trust the mark alone: see the report of issue 7.
     */
    @Test
    void withoutItsRevocationMarkADeletedUsersTokenIsStillRefusedWhereTheAccountIsRead() {
        Api.Session admin = Admins.boss();
        Api.Session doomed = Admins.withRole("unmarked", "customer");
        Api.bearer(admin.accessToken())
                .delete("/api/auth/users/" + doomed.account().id())
                .then()
                .statusCode(204);
        redis.forgetRevocationMark(doomed.sid());
        assertThat(redis.isRevoked(doomed.sid())).isFalse();
        refused(
                "deleted account's token without its mark",
                doomed.accessToken(),
                "token_revoked",
                List.of(BEARER_ENDPOINTS.get(0), BEARER_ENDPOINTS.get(1), BEARER_ENDPOINTS.get(6)));
        Response refresh =
                Api.from(Api.ip())
                        .body(Map.of("refresh_token", doomed.refreshToken()))
                        .post("/api/auth/refresh");
        assertThat(refresh.statusCode()).isEqualTo(401);
        assertThat(refresh.<String>path("code")).isEqualTo("token_revoked");
    }
}
