package dev.patriotforge.shared.security;

import java.util.Objects;
import java.util.UUID;

/**
 * The Redis key layout. Each service keeps its own keys under its namespace; the revocation marks
 * under {@code forge:revoked:} are the one part both services share: auth-service writes them and
 * every service checks them on each authenticated request.
 *
 * <p>A session is revoked by one key, {@code forge:revoked:session:<sid>}, whose time to live is
 * the access-token lifetime: once every access token of the session has expired, the mark is no
 * longer needed. Actions that end several sessions (logout-all, password change, role change, user
 * deletion) write one mark per session, so the check is always a single {@code EXISTS}.
 */
public final class RedisKeys {
    public static final String ROOT = "forge:";
    public static final String AUTH_NAMESPACE = ROOT + "auth:";
    public static final String QUOTE_NAMESPACE = ROOT + "quote:";
    public static final String REVOKED_NAMESPACE = ROOT + "revoked:";
    public static final String REVOKED_SESSION_PREFIX = REVOKED_NAMESPACE + "session:";

    private RedisKeys() {}

    /** The revocation mark of one session. */
    public static String revokedSession(UUID sessionId) {
        return REVOKED_SESSION_PREFIX + Objects.requireNonNull(sessionId, "sessionId");
    }

    /** A key in auth-service's own namespace, e.g. {@code auth("lockout", email)}. */
    public static String auth(String... parts) {
        return AUTH_NAMESPACE + String.join(":", parts);
    }

    /** A key in quote-service's own namespace, e.g. {@code quote("idem", userId, key)}. */
    public static String quote(String... parts) {
        return QUOTE_NAMESPACE + String.join(":", parts);
    }
}
