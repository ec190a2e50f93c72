package dev.patriotforge.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SmallRye JWT's token parsing with a short memory of tokens it has verified. A client sends the
 * same access token with every request until it expires; verifying its RS256 signature each time
 * was the largest single cost of a GET /api/quotes/{id} (about 12 % of quote-service's CPU in a JFR
 * profile under load). A token is remembered only after SmallRye has verified everything it checks
 * (signature, issuer, audience, algorithm, expiry, required claims), under its exact text, so a hit
 * is the very token verified before; a hit is honoured only until the token's expiry plus the
 * configured clock skew (as SmallRye would), and at most {@link #MAX_AGE_SECONDS} after it was
 * verified, so that a signing key withdrawn from the JWKS stops being accepted soon. Revocation is
 * not affected: {@link AccessTokenCheck} checks every request against Redis after this.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {
    static final long MAX_AGE_SECONDS = 60;
    static final int MAX_ENTRIES = 4096;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokens() {
        this(Clock.systemUTC());
    }

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    private record Verified(JWTCallerPrincipal principal, long usableUntil) {}

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context)
            throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null && now < known.usableUntil()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        remember(token, principal, context, now);
        return principal;
    }

    private void remember(
            String token, JWTCallerPrincipal principal, JWTAuthContextInfo context, long now) {
        long expiry = principal.getExpirationTime();
        if (expiry <= 0) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(entry -> entry.usableUntil() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        long usableUntil = Math.min(expiry + context.getClockSkew(), now + MAX_AGE_SECONDS);
        verified.put(token, new Verified(principal, usableUntil));
    }
}
