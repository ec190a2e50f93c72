package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.unauthorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.patriotforge.auth.security.SigningKeys;
import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.KeyRotationResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * Access tokens checked by an independent library (nimbus-jose-jwt) against the service's own JWKS,
 * and forged tokens that the service must refuse.
 */
@QuarkusTest
@WithTestResource(value = KeyRotationResource.class, scope = TestResourceScope.GLOBAL)
class AccessTokenTest {

    @Inject SigningKeys keys;

    private static JWKSet jwks() throws Exception {
        return JWKSet.parse(
                given().get("/api/auth/.well-known/jwks.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    @Test
    void accessTokenVerifiesAgainstTheJwksWithTheContractsHeaderAndClaims() throws Exception {
        Api.Session session = Api.registerAndLogin("jwt");
        SignedJWT jwt = SignedJWT.parse(session.accessToken());
        JWSHeader header = jwt.getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(header.getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        JWK key = jwks().getKeyByKeyId(header.getKeyID());
        assertThat(key).as("the token's kid is published").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://auth.patriotforge.local");
        assertThat(claims.getAudience()).containsExactly("patriotforge-api");
        assertThat(claims.getSubject()).isEqualTo(session.account().id());
        assertThat(claims.getStringClaim("email")).isEqualTo(session.account().email());
        assertThat(claims.getStringListClaim("groups")).containsExactly("customer");
        assertThat(claims.getStringClaim("sid")).matches("[0-9a-f-]{36}");
        assertThat(claims.getJWTID()).matches("[0-9a-f-]{36}");
        long lifetime =
                claims.getExpirationTime().toInstant().getEpochSecond()
                        - claims.getIssueTime().toInstant().getEpochSecond();
        assertThat(lifetime).isEqualTo(900);
    }

    @Test
    void jwksPublishesPublicKeysOnlyWithKidUseAndAlgIncludingThePreviousKey() throws Exception {
        given().get("/api/auth/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .body("keys", hasSize(2))
                .body("keys.use", hasItem("sig"))
                .body("keys.alg", hasItem("RS256"))
                .body("keys.kid", hasItem(keys.activeKeyId()))
                .body("keys[0].d", equalTo(null))
                .body("keys[1].d", equalTo(null))
                .body("keys[0].p", equalTo(null));
        for (JWK key : jwks().getKeys()) {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        }
    }

    @Test
    void discoveryDocumentNamesIssuerJwksAndAlgorithm() {
        given().get("/api/auth/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .body("issuer", equalTo("https://auth.patriotforge.local"))
                .body("jwks_uri", org.hamcrest.Matchers.endsWith("/api/auth/.well-known/jwks.json"))
                .body("id_token_signing_alg_values_supported", hasItem("RS256"));
    }

    @Test
    void aTokenSignedWithThePreviousKeyStillWorksAfterRotation() throws Exception {
        Api.Session session = Api.registerAndLogin("rotated");
        PrivateKey previous =
                KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(
                                        Files.readAllBytes(KeyRotationResource.PRIVATE)));
        RSAPublicKey previousPublic =
                (RSAPublicKey)
                        jwks().getKeys().stream()
                                .filter(k -> !k.getKeyID().equals(keys.activeKeyId()))
                                .findFirst()
                                .orElseThrow()
                                .toRSAKey()
                                .toPublicKey();
        String kid = new RSAKey.Builder(previousPublic).build().computeThumbprint().toString();
        String token = sign(claimsOf(session).build(), kid, (RSAPrivateKey) previous);
        Api.bearer(token).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void noTokenIsUnauthenticated() {
        unauthorized(given().get("/api/auth/me"), "unauthenticated");
    }

    @Test
    void garbageIsAnInvalidToken() {
        unauthorized(Api.bearer("not-a-jwt").get("/api/auth/me"), "token_invalid");
    }

    @Test
    void algNoneIsRejected() throws Exception {
        Api.Session session = Api.registerAndLogin("none");
        String header =
                Base64URL.encode(
                                "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\""
                                        + keys.activeKeyId()
                                        + "\"}")
                        .toString();
        String payload =
                Base64URL.encode(claimsOf(session).build().toPayload().toString()).toString();
        unauthorized(Api.bearer(header + "." + payload + ".").get("/api/auth/me"), "token_invalid");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        Api.Session session = Api.registerAndLogin("hs256");
        byte[] publicKey = keys.verificationKeys().get(0).key().getEncoded();
        SignedJWT forged =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .type(new JOSEObjectType("at+jwt"))
                                .keyID(keys.activeKeyId())
                                .build(),
                        claimsOf(session).build());
        forged.sign(new MACSigner(publicKey));
        unauthorized(Api.bearer(forged.serialize()).get("/api/auth/me"), "token_invalid");
    }

    @Test
    void aTokenOfAnUnknownKeyIsRejected() throws Exception {
        Api.Session session = Api.registerAndLogin("kid");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey stranger = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        unauthorized(
                Api.bearer(sign(claimsOf(session).build(), "unknown-kid", stranger))
                        .get("/api/auth/me"),
                "token_invalid");
        // The right kid does not help a token signed with another key.
        unauthorized(
                Api.bearer(sign(claimsOf(session).build(), keys.activeKeyId(), stranger))
                        .get("/api/auth/me"),
                "token_invalid");
    }

    @Test
    void wrongIssuerOrAudienceIsRejected() throws Exception {
        Api.Session session = Api.registerAndLogin("iss");
        unauthorized(
                Api.bearer(signed(claimsOf(session).issuer("https://evil.example")))
                        .get("/api/auth/me"),
                "token_invalid");
        unauthorized(
                Api.bearer(signed(claimsOf(session).audience("another-api"))).get("/api/auth/me"),
                "token_invalid");
    }

    @Test
    void anExpiredTokenIsRejectedAsExpired() throws Exception {
        Api.Session session = Api.registerAndLogin("exp");
        Instant now = Instant.now();
        unauthorized(
                Api.bearer(
                                signed(
                                        claimsOf(session)
                                                .issueTime(Date.from(now.minusSeconds(1000)))
                                                .expirationTime(Date.from(now.minusSeconds(120)))))
                        .get("/api/auth/me"),
                "token_expired");
    }

    @Test
    void aTamperedPayloadIsRejected() {
        Api.Session session = Api.registerAndLogin("tamper");
        String[] parts = session.accessToken().split("\\.", -1);
        String payload =
                new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                        .replace("\"customer\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64URL.encode(payload).toString() + "." + parts[2];
        unauthorized(Api.bearer(tampered).get("/api/auth/users"), "token_invalid");
    }

    @Test
    void aTokenThatIsNotAnAccessTokenIsRejected() throws Exception {
        Api.Session session = Api.registerAndLogin("typ");
        SignedJWT plainJwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .type(JOSEObjectType.JWT)
                                .keyID(keys.activeKeyId())
                                .build(),
                        claimsOf(session).build());
        plainJwt.sign(new RSASSASigner(keys.signingKey()));
        unauthorized(Api.bearer(plainJwt.serialize()).get("/api/auth/me"), "token_invalid");
        unauthorized(
                Api.bearer(signed(claimsOf(session).claim("sid", null))).get("/api/auth/me"),
                "token_invalid");
    }

    @Test
    void aCorrectlySignedTokenWithTheContractsClaimsIsAccepted() throws Exception {
        Api.Session session = Api.registerAndLogin("control");
        Api.bearer(signed(claimsOf(session)))
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("id", notNullValue());
    }

    /** The claims of a real token of the session, to be changed by a test. */
    private static JWTClaimsSet.Builder claimsOf(Api.Session session) throws Exception {
        JWTClaimsSet real = SignedJWT.parse(session.accessToken()).getJWTClaimsSet();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(real);
        Instant now = Instant.now();
        return b.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    private String signed(JWTClaimsSet.Builder claims) throws Exception {
        return sign(claims.build(), keys.activeKeyId(), keys.signingKey());
    }

    private static String sign(JWTClaimsSet claims, String kid, RSAPrivateKey key)
            throws Exception {
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .type(new JOSEObjectType("at+jwt"))
                                .keyID(kid)
                                .build(),
                        claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
