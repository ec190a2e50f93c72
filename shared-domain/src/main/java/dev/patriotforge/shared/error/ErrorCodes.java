package dev.patriotforge.shared.error;

/** The stable error codes of the API contract. Clients switch on these words. */
public final class ErrorCodes {
    public static final String MALFORMED_REQUEST = "malformed_request";
    public static final String VALIDATION_FAILED = "validation_failed";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String TOKEN_INVALID = "token_invalid";
    public static final String TOKEN_EXPIRED = "token_expired";
    public static final String TOKEN_REVOKED = "token_revoked";
    public static final String INVALID_CREDENTIALS = "invalid_credentials";
    public static final String REFRESH_TOKEN_REUSED = "refresh_token_reused";
    public static final String ACTION_TOKEN_INVALID = "action_token_invalid";
    public static final String EMAIL_NOT_VERIFIED = "email_not_verified";
    public static final String FORBIDDEN = "forbidden";
    public static final String MFA_REQUIRED = "mfa_required";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String DUPLICATE_EMAIL = "duplicate_email";
    public static final String LAST_ADMIN = "last_admin";
    public static final String MFA_ALREADY_ENABLED = "mfa_already_enabled";
    public static final String MFA_NOT_ENROLLED = "mfa_not_enrolled";
    public static final String INVALID_STATE_TRANSITION = "invalid_state_transition";
    public static final String QUOTE_EXPIRED = "quote_expired";
    public static final String CONCURRENT_UPDATE = "concurrent_update";
    public static final String IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";
    public static final String QUOTA_EXCEEDED = "quota_exceeded";
    public static final String VERSION_MISMATCH = "version_mismatch";
    public static final String PRECONDITION_REQUIRED = "precondition_required";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String TOO_MANY_ATTEMPTS = "too_many_attempts";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String DEPENDENCY_UNAVAILABLE = "dependency_unavailable";
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorCodes() {}
}
