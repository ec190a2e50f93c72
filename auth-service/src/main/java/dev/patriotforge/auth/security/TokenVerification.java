package dev.patriotforge.auth.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.shared.security.JwtClaims;
import io.smallrye.jwt.KeyFormat;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * How SmallRye JWT verifies the bearer tokens of auth-service's own endpoints: against this
 * service's own public keys, in memory (no HTTP call to its JWKS), RS256 only, with the configured
 * issuer and audience and a bounded clock skew. The {@code typ}, {@code sid} and revocation checks
 * follow in service-common's AccessTokenCheck.
 */
@Singleton
public class TokenVerification {

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    JWTAuthContextInfo contextInfo(SigningKeys keys, AuthConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(jwksJson(keys));
        info.setKeyFormat(KeyFormat.JWK);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setIssuedBy(config.jwt().issuer());
        info.setExpectedAudience(Set.of(config.jwt().audience()));
        info.setClockSkew((int) config.jwt().clockSkew().toSeconds());
        info.setMaxTimeToLiveSecs(config.tokens().accessTtl().toSeconds());
        info.setRequiredClaims(
                Set.of(
                        JwtClaims.SUBJECT,
                        JwtClaims.SESSION_ID,
                        JwtClaims.TOKEN_ID,
                        JwtClaims.ISSUED_AT,
                        JwtClaims.EXPIRES_AT));
        info.setRequireNamedPrincipal(true);
        return info;
    }

    private static String jwksJson(SigningKeys keys) {
        try {
            return new ObjectMapper().writeValueAsString(keys.jwks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JWKS", e);
        }
    }
}
