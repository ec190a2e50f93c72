package dev.patriotforge.testsupport.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints access tokens the way auth-service does, and forged ones that must be refused. */
public final class Tokens {
    public static final String ISSUER = "https://auth.patriotforge.local";
    public static final String AUDIENCE = "patriotforge-api";

    private Tokens() {}

    /** The signing key that the test JWKS publishes. */
    public static RSAKey key() {
        try {
            return RSAKey.parse(System.getProperty(JwksServer.PRIVATE_JWK_PROPERTY));
        } catch (ParseException | NullPointerException e) {
            throw new IllegalStateException("the JwksServer test resource has not started", e);
        }
    }

    /** A fresh RSA key that no JWKS publishes. */
    public static RSAKey rogueKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times the service has fetched the test JWKS. */
    public static int jwksFetches() {
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            System.getProperty(
                                                                            JwksServer
                                                                                    .BASE_URL_PROPERTY)
                                                                    + "/count"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            return Integer.parseInt(response.body().trim());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every form in which an attacker can copy the published public key: the JWKS document as
     * served, the JWK alone, the X.509 DER encoding, and that encoding as PEM.
     */
    public static List<byte[]> publishedKeyBytes() {
        RSAKey published = key().toPublicJWK();
        byte[] der;
        try {
            der = published.toRSAPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String pem =
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(der)
                        + "\n-----END PUBLIC KEY-----\n";
        return List.of(
                new JWKSet(published).toString().getBytes(StandardCharsets.UTF_8),
                published.toJSONString().getBytes(StandardCharsets.UTF_8),
                der,
                pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** A token builder for {@code user}, valid by default. */
    public static Builder of(UUID user, String role, UUID sessionId) {
        return new Builder(user, role, sessionId);
    }

    /** Everything about a token, changeable one field at a time. */
    public static final class Builder {
        private final UUID user;
        private final String role;
        private final UUID sessionId;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private String type = "at+jwt";
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));
        private RSAKey key = key();
        private String kid;
        private boolean includeSid = true;
        private List<String> amr;

        private Builder(UUID user, String role, UUID sessionId) {
            this.user = user;
            this.role = role;
            this.sessionId = sessionId;
            this.amr = defaultAmr(role);
        }

        /**
         * What auth-service gives after the login such a user makes where the prod overlay's
         * FORGE_MFA_REQUIRED_ROLES ({@code staff,admin}) holds: staff and admin log in with a
         * second factor ({@code ["pwd","otp"]}), everyone else with the password ({@code ["pwd"]}).
         */
        private static List<String> defaultAmr(String role) {
            return "staff".equals(role) || "admin".equals(role)
                    ? List.of("pwd", "otp")
                    : List.of("pwd");
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        public Builder type(String value) {
            type = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        public Builder signedWith(RSAKey value) {
            key = value;
            return this;
        }

        public Builder kid(String value) {
            kid = value;
            return this;
        }

        /** The {@code amr} claim (RFC 8176), e.g. {@code "pwd"} alone: a login without otp. */
        public Builder amr(String... methods) {
            amr = List.of(methods);
            return this;
        }

        /** No {@code amr} claim at all (a token from before amr existed, or a forged one). */
        public Builder withoutAmr() {
            amr = null;
            return this;
        }

        public Builder withoutSid() {
            includeSid = false;
            return this;
        }

        public JWTClaimsSet claims() {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims =
                    new JWTClaimsSet.Builder()
                            .issuer(issuer)
                            .audience(audience)
                            .subject(user.toString())
                            .claim("email", user + "@example.com")
                            .claim("groups", List.of(role))
                            .jwtID(UUID.randomUUID().toString())
                            .issueTime(Date.from(now.minusSeconds(120)))
                            .expirationTime(Date.from(expiresAt));
            if (includeSid) {
                claims.claim("sid", sessionId.toString());
            }
            if (amr != null) {
                claims.claim("amr", amr);
            }
            return claims.build();
        }

        /** Signed with RS256 and the key (the test JWKS key unless changed). */
        public String rs256() {
            JWSHeader.Builder header =
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(kid != null ? kid : key.getKeyID());
            if (type != null) {
                header.type(new JOSEObjectType(type));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /**
         * HS256 with {@code secret} as the HMAC key; with the bytes of the published RSA public key
         * this is the algorithm-confusion attack (see {@link Tokens#publishedKeyBytes()}).
         */
        public String hs256(byte[] secret) {
            SignedJWT jwt =
                    new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.HS256)
                                    .keyID(key().getKeyID())
                                    .type(new JOSEObjectType(type))
                                    .build(),
                            claims());
            try {
                jwt.sign(new MACSigner(secret));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /** {@code alg: none}, no signature. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }
    }
}
