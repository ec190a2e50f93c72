package dev.patriotforge.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every setting of auth-service. A setting with a FORGE_* variable gets it, and its default, in
 * application.properties (the defaults are the contract's); a setting without one has its default
 * here. Each default is written once.
 */
@ConfigMapping(prefix = "forge.auth")
public interface AuthConfig {

    Jwt jwt();

    Tokens tokens();

    Sessions sessions();

    Lockout lockout();

    Ip ip();

    Argon2 argon2();

    Hashing hashing();

    Bootstrap bootstrap();

    Recovery recovery();

    Mfa mfa();

    /** Signing and verification of access tokens. */
    interface Jwt {
        /** {@code FORGE_JWT_ISSUER}. */
        String issuer();

        /** {@code FORGE_JWT_AUDIENCE}. */
        String audience();

        /** {@code FORGE_AUTH_JWT_SIGNING_KEY_FILE}: a PEM PKCS#8 RSA private key. */
        Optional<Path> signingKeyFile();

        /** {@code FORGE_AUTH_JWT_SIGNING_KEY}: the PEM text itself (e.g. from a Secret). */
        Optional<String> signingKey();

        /** {@code FORGE_AUTH_JWT_KEY_ID}; default: the RFC 7638 thumbprint of the key. */
        Optional<String> keyId();

        /**
         * {@code FORGE_AUTH_JWT_PREVIOUS_PUBLIC_KEYS_FILE}: PEM public keys that are still
         * published in the JWKS (and accepted) while their tokens run out.
         */
        Optional<Path> previousPublicKeysFile();

        /** Where a development key is generated when none is configured outside prod. */
        @WithDefault("forge-dev-jwt")
        Path devKeyDirectory();

        /**
         * {@code FORGE_JWT_CLOCK_SKEW_SECONDS} (shared with quote-service): how far past {@code
         * exp} a token is still accepted; revocation marks live the access-token TTL plus this.
         */
        Duration clockSkew();

        /** {@code FORGE_AUTH_JWKS_URI}; default: derived from the request. */
        Optional<String> jwksUri();
    }

    /** Token lifetimes. */
    interface Tokens {
        /** {@code FORGE_AUTH_ACCESS_TOKEN_TTL}. */
        Duration accessTtl();

        /** {@code FORGE_AUTH_REFRESH_TOKEN_TTL}. */
        Duration refreshTtl();

        /**
         * {@code FORGE_AUTH_REFRESH_GRACE}: how long the immediately previous refresh token of a
         * session still gets a fresh pair (two tabs refreshing at once) instead of counting as
         * reuse. {@code PT0S} turns the grace off.
         */
        Duration refreshGrace();
    }

    /** How long a session may live, and how long an ended one is kept. */
    interface Sessions {
        /**
         * {@code FORGE_AUTH_SESSION_MAX_AGE}: the absolute lifetime of a session from its login;
         * refreshing never extends a session past it.
         */
        Duration maxAge();

        /**
         * {@code FORGE_AUTH_SESSION_RETENTION}: how long a session that expired or was revoked is
         * kept (for the record) before the purge deletes it and its refresh tokens.
         */
        Duration retention();

        /** {@code FORGE_AUTH_SESSION_PURGE_BATCH}: sessions deleted per purge transaction. */
        int purgeBatch();

        /** How often the purge runs (a Quarkus scheduler interval; {@code off} turns it off). */
        @WithDefault("1h")
        String purgeEvery();
    }

    /** Per-account lockout after consecutive failed logins. */
    interface Lockout {
        /** {@code FORGE_AUTH_LOCKOUT_MAX_FAILURES}. */
        int maxFailures();

        /** {@code FORGE_AUTH_LOCKOUT_DURATION}. */
        Duration duration();
    }

    /** Per-client-IP limits, in a sliding window. */
    interface Ip {
        /** {@code FORGE_AUTH_IP_FAILED_LOGINS}. */
        int failedLogins();

        /** {@code FORGE_AUTH_IP_REGISTRATIONS}. */
        int registrations();

        /** {@code FORGE_AUTH_IP_WINDOW}. */
        Duration window();
    }

    /** Argon2id cost; never below OWASP's m=19456 KiB, t=2, p=1. */
    interface Argon2 {
        /** {@code FORGE_AUTH_ARGON2_MEMORY_KIB}. */
        int memoryKib();

        /** {@code FORGE_AUTH_ARGON2_ITERATIONS}. */
        int iterations();

        /** {@code FORGE_AUTH_ARGON2_PARALLELISM}. */
        int parallelism();
    }

    /** The bounded pool that runs password hashing. */
    interface Hashing {
        /** {@code FORGE_AUTH_HASH_THREADS}; default: the number of cores. */
        OptionalInt threads();

        /** {@code FORGE_AUTH_HASH_QUEUE}: waiting hashes beyond which requests are shed. */
        int queue();

        /** {@code FORGE_AUTH_HASH_RETRY_AFTER}: the Retry-After of a shed request. */
        Duration retryAfter();
    }

    /** The first admin account. */
    interface Bootstrap {
        /** {@code FORGE_BOOTSTRAP_ADMIN_EMAIL}. */
        Optional<String> adminEmail();

        /** {@code FORGE_BOOTSTRAP_ADMIN_PASSWORD}. */
        Optional<String> adminPassword();
    }

    /** Email verification, password reset and email change (contract 2.1). */
    interface Recovery {
        /** {@code FORGE_AUTH_VERIFY_TOKEN_TTL}. */
        Duration verifyTokenTtl();

        /** {@code FORGE_AUTH_RESET_TOKEN_TTL}. */
        Duration resetTokenTtl();

        /** {@code FORGE_AUTH_EMAIL_CHANGE_TOKEN_TTL}. */
        Duration emailChangeTokenTtl();

        /** {@code FORGE_AUTH_REQUIRE_VERIFIED_EMAIL}: refuse logins of unverified accounts. */
        boolean requireVerifiedEmail();

        /** Verification mails a user may ask for in the window (registration's not counted). */
        @WithDefault("3")
        int resendsPerUser();

        /** Email changes a user may ask for in the window (each mails two addresses). */
        @WithDefault("3")
        int emailChangesPerUser();

        /** Reset mails per address in the window; past it, /password/forgot mails nothing. */
        @WithDefault("3")
        int forgotPerEmail();

        /** The window of the per-user and per-address limits above. */
        @WithDefault("PT1H")
        Duration window();
    }

    /** Two-step login (contract 2.2). */
    interface Mfa {
        /** {@code FORGE_AUTH_MFA_ENCRYPTION_KEY}: base64 of the 256-bit AES key of TOTP secrets. */
        Optional<String> encryptionKey();

        /** How long an {@code mfa_token} lives. */
        @WithDefault("PT5M")
        Duration tokenTtl();
    }
}
