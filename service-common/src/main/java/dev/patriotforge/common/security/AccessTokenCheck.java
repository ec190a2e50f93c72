package dev.patriotforge.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.shared.error.TokenInvalid;
import dev.patriotforge.shared.error.TokenRevoked;
import dev.patriotforge.shared.security.JwtClaims;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs after SmallRye JWT has verified a bearer token's signature, issuer, audience, algorithm and
 * expiry: checks that it is an access token ({@code typ: at+jwt}) with a session id, and that the
 * session has not been revoked. A failure becomes the token's 401 problem; Redis being unreachable
 * becomes a 503 (fail closed).
 */
@ApplicationScoped
public class AccessTokenCheck implements SecurityIdentityAugmentor {
    private final RevocationStore revocations;
    private final ObjectMapper json;

    public AccessTokenCheck(RevocationStore revocations, ObjectMapper json) {
        this.revocations = revocations;
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        UUID sessionId;
        try {
            requireAccessTokenType(token.getRawToken());
            sessionId = UUID.fromString(token.getClaim(JwtClaims.SESSION_ID).toString());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new TokenInvalid());
        }
        return revocations
                .isRevoked(sessionId)
                .onItem()
                .transform(
                        revoked -> {
                            if (revoked) {
                                throw new TokenRevoked();
                            }
                            return identity;
                        });
    }

    private void requireAccessTokenType(String rawToken) {
        int dot = rawToken.indexOf('.');
        try {
            JsonNode header =
                    json.readTree(
                            new String(
                                    Base64.getUrlDecoder().decode(rawToken.substring(0, dot)),
                                    StandardCharsets.UTF_8));
            if (!JwtClaims.ACCESS_TOKEN_TYPE.equals(header.path("typ").asText())
                    || !JwtClaims.SIGNING_ALGORITHM.equals(header.path("alg").asText())) {
                throw new TokenInvalid();
            }
        } catch (IOException e) {
            throw new TokenInvalid();
        }
    }
}
