package dev.patriotforge.common.security;

import dev.patriotforge.shared.api.Uuids;
import dev.patriotforge.shared.error.Forbidden;
import dev.patriotforge.shared.error.TokenInvalid;
import dev.patriotforge.shared.error.Unauthenticated;
import dev.patriotforge.shared.security.JwtClaims;
import dev.patriotforge.shared.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, read once from the token that SmallRye JWT and {@link
 * AccessTokenCheck} have verified (signature, type, revocation). {@code sub} and {@code sid} must
 * be canonical UUIDs (else 401 {@code token_invalid}); the most capable known role wins should a
 * token carry several, and a token with none is 403. Every caller passes {@link MfaPolicy} here.
 */
@RequestScoped
public class Callers {
    private static final List<String> BY_CAPABILITY =
            List.of(Roles.ADMIN, Roles.STAFF, Roles.CUSTOMER);
    private static final int MAX_EMAIL = 254;

    private final SecurityIdentity identity;
    private final MfaPolicy mfa;
    private final CurrentVertxRequest request;
    private Caller current;

    public Callers(SecurityIdentity identity, MfaPolicy mfa, CurrentVertxRequest request) {
        this.identity = identity;
        this.mfa = mfa;
        this.request = request;
    }

    /**
     * The caller, or 401/403; 403 {@code mfa_required} when its role needs a second factor that the
     * token lacks and the request is not one of the few it may still make ({@link MfaPolicy}).
     */
    public Caller current() {
        if (current == null) {
            Caller resolved = resolve();
            RoutingContext routing = request.getCurrent();
            mfa.check(resolved, routing == null ? null : routing.normalizedPath());
            current = resolved;
        }
        return current;
    }

    private Caller resolve() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new Unauthenticated();
        }
        UUID userId = Uuids.parse(token.getSubject()).orElseThrow(TokenInvalid::new);
        // AccessTokenCheck read and checked the session id (and its revocation).
        if (!(identity.getAttribute(AccessTokenCheck.SESSION_ID) instanceof UUID sessionId)) {
            throw new TokenInvalid();
        }
        String role =
                BY_CAPABILITY.stream()
                        .filter(identity::hasRole)
                        .findFirst()
                        .orElseThrow(Forbidden::new);
        return new Caller(userId, sessionId, role, amr(token), email(token));
    }

    /** The {@code amr} claim as strings; empty when absent or not a list. */
    private static Set<String> amr(JsonWebToken token) {
        Object claim = token.getClaim(JwtClaims.AMR);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Callers::text).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    /** The {@code email} claim when it is a string of at most 254 characters, else null. */
    private static String email(JsonWebToken token) {
        Object claim = token.getClaim(JwtClaims.EMAIL);
        String email = claim == null ? null : text(claim);
        return email == null || email.isBlank() || email.length() > MAX_EMAIL ? null : email;
    }

    private static String text(Object value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }
}
