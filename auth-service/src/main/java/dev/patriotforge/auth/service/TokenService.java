package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.security.SigningKeys;
import dev.patriotforge.shared.security.JwtClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes the tokens: RS256 access tokens with {@code kid} and {@code typ: at+jwt} and the claims of
 * the contract, and opaque 256-bit refresh tokens of which only the SHA-256 is stored.
 */
@ApplicationScoped
public class TokenService {
    private static final int REFRESH_BYTES = 32;
    private static final Pattern REFRESH_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SigningKeys keys;
    private final AuthConfig config;
    private final SecureRandom random = new SecureRandom();

    public TokenService(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** A signed access token for the user's session. */
    public String accessToken(
            UUID userId,
            String email,
            boolean emailVerified,
            String role,
            UUID sessionId,
            List<String> amr,
            Instant now) {
        return Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .subject(userId.toString())
                .claim(JwtClaims.EMAIL, email)
                .claim(JwtClaims.EMAIL_VERIFIED, emailVerified)
                .groups(Set.of(role))
                .claim(JwtClaims.SESSION_ID, sessionId.toString())
                .claim(JwtClaims.AMR, amr)
                .claim(JwtClaims.TOKEN_ID, UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.tokens().accessTtl()))
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.activeKeyId())
                .header("typ", JwtClaims.ACCESS_TOKEN_TYPE)
                .sign(keys.signingKey());
    }

    /** A new random refresh token (base64url of 256 bits). */
    public String newRefreshToken() {
        byte[] bytes = new byte[REFRESH_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when the text could be a refresh token this service issued. */
    public static boolean looksLikeRefreshToken(String token) {
        return token != null && REFRESH_SHAPE.matcher(token).matches();
    }

    /** What is stored of a refresh token (or an mfa_token: the same shape). */
    public static byte[] hashOf(String refreshToken) {
        return sha256(refreshToken.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
