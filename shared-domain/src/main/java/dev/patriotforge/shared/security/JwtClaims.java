package dev.patriotforge.shared.security;

/** Names and fixed values in the access tokens that auth-service issues and both services check. */
public final class JwtClaims {
    public static final String ISSUER = "iss";
    public static final String AUDIENCE = "aud";
    public static final String SUBJECT = "sub";
    public static final String EMAIL = "email";
    public static final String EMAIL_VERIFIED = "email_verified";
    public static final String GROUPS = "groups";
    public static final String SESSION_ID = "sid";
    public static final String TOKEN_ID = "jti";

    /** Authentication methods (RFC 8176): {@code ["pwd"]} or {@code ["pwd", "otp"]}. */
    public static final String AMR = "amr";

    public static final String ISSUED_AT = "iat";
    public static final String EXPIRES_AT = "exp";

    /** The {@code typ} header of an access token (RFC 9068). */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    /** The signing algorithm of access tokens; no other is accepted. */
    public static final String SIGNING_ALGORITHM = "RS256";

    private JwtClaims() {}
}
