package dev.patriotforge.quote.security;

import dev.patriotforge.quote.service.Caller;
import dev.patriotforge.shared.error.Forbidden;
import dev.patriotforge.shared.error.TokenInvalid;
import dev.patriotforge.shared.error.Unauthenticated;
import dev.patriotforge.shared.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, from the verified access token: {@code sub} is the user id,
 * {@code groups} the role. The most capable known role wins should a token carry several.
 */
@RequestScoped
public class CallerResolver {
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final List<String> BY_CAPABILITY =
            List.of(Roles.ADMIN, Roles.STAFF, Roles.CUSTOMER);

    private final SecurityIdentity identity;

    public CallerResolver(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new Unauthenticated();
        }
        String subject = token.getSubject();
        if (subject == null || !CANONICAL_UUID.matcher(subject).matches()) {
            throw new TokenInvalid();
        }
        String role =
                BY_CAPABILITY.stream()
                        .filter(identity::hasRole)
                        .findFirst()
                        .orElseThrow(Forbidden::new);
        return new Caller(UUID.fromString(subject), role);
    }
}
