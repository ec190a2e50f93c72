package dev.patriotforge.common.openapi;

import dev.patriotforge.common.security.MfaPolicy;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * 403 {@code mfa_required} (contract 2.2, {@link MfaPolicy}) on every operation that needs a bearer
 * token, at both services, declared here once instead of on each method: an operation is a bearer
 * one when it names a security requirement, or names none and the document has one for every
 * operation; the paths {@link MfaPolicy#exempt(String)} lets through are left alone. A 403 the
 * operation already declares keeps its text and gets the mfa_required sentence appended, unless it
 * names mfa_required already.
 */
final class MfaRequiredResponses {
    static final String CODE = "403";
    static final String DESCRIPTION =
            "mfa_required: FORGE_MFA_REQUIRED_ROLES names the caller's role and the token has no"
                    + " otp in amr (log in with TOTP)";

    private MfaRequiredResponses() {}

    /** Adds or completes the operation's 403 when the policy applies to it. */
    static void document(OpenAPI openAPI, String path, Operation operation) {
        if (!bearer(openAPI, operation) || MfaPolicy.exempt(path)) {
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse forbidden = operation.getResponses().getAPIResponse(CODE);
        if (forbidden == null) {
            operation
                    .getResponses()
                    .addAPIResponse(CODE, OASFactory.createAPIResponse().description(DESCRIPTION));
        } else if (forbidden.getRef() == null) {
            String text = forbidden.getDescription();
            if (text == null || text.isBlank()) {
                forbidden.setDescription(DESCRIPTION);
            } else if (!text.toLowerCase(Locale.ROOT).contains("mfa_required")) {
                forbidden.setDescription(text + "; " + DESCRIPTION);
            }
        }
    }

    static boolean bearer(OpenAPI openAPI, Operation operation) {
        List<SecurityRequirement> own = operation.getSecurity();
        if (own != null) {
            return own.stream().anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
        }
        List<SecurityRequirement> all = openAPI.getSecurity();
        return all != null
                && all.stream().anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
    }
}
