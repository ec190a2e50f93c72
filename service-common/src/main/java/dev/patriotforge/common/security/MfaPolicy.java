package dev.patriotforge.common.security;

import dev.patriotforge.shared.error.MfaRequired;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code FORGE_MFA_REQUIRED_ROLES} (contract 2.2), the one check of both services: a token of such
 * a role without {@code otp} in its {@code amr} may use only {@code /api/auth/me}, {@code
 * /api/auth/mfa/*}, {@code /api/auth/logout} and {@code /api/auth/sessions} (to turn TOTP on and
 * log in again), and gets 403 {@code mfa_required} everywhere else. {@link Callers} applies it when
 * it resolves the caller of a request, which every authenticated endpoint does.
 */
@ApplicationScoped
public class MfaPolicy {
    /** The {@code amr} value of a second factor (RFC 8176). */
    public static final String OTP = "otp";

    private static final List<String> EXEMPT_EXACT =
            List.of("/api/auth/me", "/api/auth/logout", "/api/auth/sessions");
    private static final List<String> EXEMPT_PREFIXES =
            List.of("/api/auth/mfa/", "/api/auth/sessions/");

    private final Set<String> requiredRoles;

    public MfaPolicy(
            @ConfigProperty(name = "forge.mfa.required-roles") Optional<List<String>> roles) {
        this.requiredRoles = parse(roles.orElse(List.of()));
    }

    static Set<String> parse(List<String> roles) {
        return roles.stream()
                .map(r -> r.strip().toLowerCase(Locale.ROOT))
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** 403 {@code mfa_required} when the caller's role needs a second factor it has not given. */
    public void check(Caller caller, String path) {
        if (refuses(requiredRoles, caller, path)) {
            throw new MfaRequired();
        }
    }

    /** The decision, on its own. A path that is not plainly one of the exemptions is not exempt. */
    static boolean refuses(Set<String> requiredRoles, Caller caller, String path) {
        return requiredRoles.contains(caller.role())
                && !caller.amr().contains(OTP)
                && !exempt(path);
    }

    /**
     * Whether {@code path} (a request path, or an OpenAPI path template) is one of the few a token
     * without its second factor may still use.
     */
    public static boolean exempt(String path) {
        if (path == null || path.contains("..") || path.contains("//") || path.contains("%")) {
            return false;
        }
        String p =
                path.endsWith("/") && path.length() > 1
                        ? path.substring(0, path.length() - 1)
                        : path;
        return EXEMPT_EXACT.contains(p)
                || EXEMPT_PREFIXES.stream().anyMatch(prefix -> p.startsWith(prefix));
    }
}
