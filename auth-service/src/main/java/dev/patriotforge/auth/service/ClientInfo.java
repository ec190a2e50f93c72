package dev.patriotforge.auth.service;

/**
 * Where a request came from: the client IP (from X-Forwarded-For only when the direct peer is a
 * trusted proxy) and the User-Agent, cut to what the session table keeps.
 */
public record ClientInfo(String ip, String userAgent) {
    static final int MAX_USER_AGENT = 512;
    static final int MAX_IP = 64;

    public ClientInfo {
        ip = ip == null || ip.isBlank() ? "unknown" : cut(ip, MAX_IP);
        userAgent = userAgent == null ? null : cut(userAgent, MAX_USER_AGENT);
    }

    private static String cut(String value, int max) {
        String clean =
                value.codePoints()
                        .filter(c -> !Character.isISOControl(c))
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString();
        int points = clean.codePointCount(0, clean.length());
        return points <= max ? clean : clean.substring(0, clean.offsetByCodePoints(0, max));
    }
}
