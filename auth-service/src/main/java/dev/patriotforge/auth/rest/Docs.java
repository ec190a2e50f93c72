package dev.patriotforge.auth.rest;

/** Texts of auth-service's OpenAPI document; those both services share are in ProblemDocs. */
final class Docs {
    /** The security scheme that protected operations name. */
    static final String BEARER = "bearer";

    static final String E403_ADMIN =
            "forbidden: the caller's current role is not admin; mfa_required: "
                    + "FORGE_MFA_REQUIRED_ROLES names admin and the token has no otp in amr";

    /** What a bearer endpoint outside /me, /mfa/*, /logout and /sessions may also answer. */
    static final String E403_MFA =
            "mfa_required: FORGE_MFA_REQUIRED_ROLES names the caller's role and the token has no"
                    + " otp in amr (log in with TOTP)";

    static final String E404_USER = "not_found (absent or deleted)";

    private Docs() {}
}
