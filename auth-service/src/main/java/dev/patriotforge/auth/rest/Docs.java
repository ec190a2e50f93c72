package dev.patriotforge.auth.rest;

/** Texts of auth-service's OpenAPI document; those both services share are in ProblemDocs. */
final class Docs {
    /** The security scheme that protected operations name. */
    static final String BEARER = "bearer";

    static final String E403_ADMIN = "forbidden: the caller's current role is not admin";
    static final String E404_USER = "not_found (absent or deleted)";

    private Docs() {}
}
