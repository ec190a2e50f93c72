package dev.patriotforge.common.openapi;

/**
 * The OpenAPI descriptions of the error answers both services give alike. A resource declares those
 * its every operation shares once, on the class; texts of one service live in its {@code
 * rest/Docs}.
 */
public final class ProblemDocs {
    public static final String E400 = "malformed_request: the body is not JSON";
    public static final String E401 =
            "unauthenticated, token_invalid, token_expired or token_revoked (WWW-Authenticate:"
                    + " Bearer)";
    public static final String E415 = "unsupported_media_type: the body is not application/json";
    public static final String E503 =
            "dependency_unavailable: PostgreSQL or Redis cannot be reached (Retry-After)";

    private ProblemDocs() {}
}
