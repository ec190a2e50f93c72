package dev.patriotforge.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.shared.api.Uuids;
import dev.patriotforge.shared.error.TokenInvalid;
import dev.patriotforge.shared.error.TokenRevoked;
import dev.patriotforge.shared.security.JwtClaims;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs after SmallRye JWT has verified a bearer token's signature, issuer, audience, algorithm and
 * expiry: checks that it is an access token ({@code typ: at+jwt}) with a session id, and that the
 * session has not been revoked. A failure becomes the token's 401 problem; Redis being unreachable
 * becomes a 503 (fail closed).
 *
 * <p>The session id is read from the verified token's payload here, once, and handed to {@link
 * Callers} as the identity attribute {@link #SESSION_ID}: SmallRye's {@code
 * JsonWebToken.getClaim("sid")} throws and catches an exception for every claim that MicroProfile
 * JWT does not name, which cost two stack traces per request.
 */
@ApplicationScoped
public class AccessTokenCheck implements SecurityIdentityAugmentor {
    /** The identity attribute holding the token's session id (a {@link UUID}). */
    public static final String SESSION_ID = "forge.session-id";

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
        Optional<UUID> sessionId = accessTokenSession(token.getRawToken());
        if (sessionId.isEmpty()) {
            return Uni.createFrom().failure(new TokenInvalid());
        }
        UUID session = sessionId.get();
        return revocations
                .isRevoked(session)
                .onItem()
                .transform(
                        revoked -> {
                            if (revoked) {
                                throw new TokenRevoked();
                            }
                            return QuarkusSecurityIdentity.builder(identity)
                                    .addAttribute(SESSION_ID, session)
                                    .build();
                        });
    }

    /**
     * The session id of an access token ({@code typ: at+jwt}, the suite's algorithm) whose {@code
     * sid} is a canonical UUID; empty for any other token.
     */
    private Optional<UUID> accessTokenSession(String raw) {
        try {
            int first = raw.indexOf('.');
            int second = raw.indexOf('.', first + 1);
            JsonNode header = part(raw, 0, first);
            if (!JwtClaims.ACCESS_TOKEN_TYPE.equals(header.path("typ").asText())
                    || !JwtClaims.SIGNING_ALGORITHM.equals(header.path("alg").asText())) {
                return Optional.empty();
            }
            JsonNode sid = part(raw, first + 1, second).path(JwtClaims.SESSION_ID);
            // Uuids, not UUID.fromString, which also takes non-canonical forms like "1-1-1-1-1".
            return sid.isTextual() ? Uuids.parse(sid.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One base64url part of the compact token (already verified by SmallRye JWT), as JSON. */
    private JsonNode part(String raw, int from, int to) throws IOException {
        return json.readTree(Base64.getUrlDecoder().decode(raw.substring(from, to)));
    }
}
