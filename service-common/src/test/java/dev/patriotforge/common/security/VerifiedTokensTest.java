package dev.patriotforge.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final String ISSUER = "https://auth.test";
    private static RsaJsonWebKey key;
    private static RsaJsonWebKey otherKey;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final VerifiedTokens tokens =
            new VerifiedTokens(
                    new Clock() {
                        @Override
                        public Instant instant() {
                            return now.get();
                        }

                        @Override
                        public java.time.ZoneId getZone() {
                            return ZoneOffset.UTC;
                        }

                        @Override
                        public Clock withZone(java.time.ZoneId zone) {
                            return this;
                        }
                    });

    @BeforeAll
    static void keys() throws JoseException {
        key = RsaJwkGenerator.generateJwk(2048);
        otherKey = RsaJwkGenerator.generateJwk(2048);
    }

    private static JWTAuthContextInfo context() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(key.getRsaPublicKey(), ISSUER);
        context.setClockSkew(30);
        return context;
    }

    private static String token(RsaJsonWebKey signer, long expiresInSeconds) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("a6f0c7a2-1111-4c39-9a57-000000000001");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(expiresInSeconds / 60f);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainWhileItIsFresh() throws Exception {
        String token = token(key, 900);
        JWTCallerPrincipal first = tokens.parse(token, context());
        now.set(now.get().plusSeconds(VerifiedTokens.MAX_AGE_SECONDS - 1));
        assertThat(tokens.parse(token, context())).isSameAs(first);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheMaximumAge() throws Exception {
        String token = token(key, 900);
        JWTCallerPrincipal first = tokens.parse(token, context());
        now.set(now.get().plusSeconds(VerifiedTokens.MAX_AGE_SECONDS));
        JWTCallerPrincipal second = tokens.parse(token, context());
        assertThat(second).isNotSameAs(first);
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
    }

    @Test
    void aRememberedTokenIsNotHonouredPastItsExpiryAndSkew() throws Exception {
        String token = token(key, 20);
        JWTCallerPrincipal first = tokens.parse(token, context());
        // exp + skew (30 s) comes before the maximum age here, so only the expiry bound can
        // make this a miss: the entry is not used, SmallRye decides again.
        now.set(Instant.ofEpochSecond(first.getExpirationTime() + 30));
        assertThat(now.get())
                .isBefore(Instant.now().plusSeconds(VerifiedTokens.MAX_AGE_SECONDS - 1));
        assertThat(tokens.parse(token, context())).isNotSameAs(first);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() throws Exception {
        String forged = token(otherKey, 900);
        assertThatThrownBy(() -> tokens.parse(forged, context()))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(forged, context()))
                .isInstanceOf(ParseException.class);
        String tampered = token(key, 900);
        String otherPayload = token(key, 1800);
        String swapped =
                tampered.substring(0, tampered.indexOf('.'))
                        + otherPayload.substring(
                                otherPayload.indexOf('.'), otherPayload.lastIndexOf('.'))
                        + tampered.substring(tampered.lastIndexOf('.'));
        tokens.parse(tampered, context());
        assertThatThrownBy(() -> tokens.parse(swapped, context()))
                .isInstanceOf(ParseException.class);
    }
}
