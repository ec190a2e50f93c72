package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.ActionTokenRepository;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.shared.error.ActionTokenInvalid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One-time tokens sent by mail (contract 1): 256 bits from {@link SecureRandom}, base64url, of
 * which only the SHA-256 is stored; single use; issuing one voids the user's earlier open token of
 * the same kind. A bad, expired or used token is 422 {@code action_token_invalid}.
 */
@ApplicationScoped
public class ActionTokens {
    static final String VERIFY = "verify";
    static final String RESET = "reset";
    static final String EMAIL_CHANGE = "email_change";
    static final List<String> ALL = List.of(VERIFY, RESET, EMAIL_CHANGE);

    private static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ActionTokenRepository tokens;
    private final AuthConfig.Recovery config;
    private final SecureRandom random = new SecureRandom();

    public ActionTokens(ActionTokenRepository tokens, AuthConfig config) {
        this.tokens = tokens;
        this.config = config.recovery();
    }

    /** A token found by its hash, not yet spent. */
    record Found(UUID id, UUID userId, String kind, String newEmail) {}

    /**
     * Issues a token of the kind for the user (voiding the user's open ones of that kind), in the
     * caller's transaction, and returns it: it goes into a mail and nowhere else.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    String issue(UUID userId, String kind, String newEmail, Instant now) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.voidOpen(userId, List.of(kind), now);
        tokens.insert(userId, kind, TokenService.hashOf(token), newEmail, now, now.plus(ttl(kind)));
        return token;
    }

    /** Voids every open token of the user (a reset or an email change does). */
    @Transactional(Transactional.TxType.MANDATORY)
    void voidAll(UUID userId, Instant now) {
        tokens.voidOpen(userId, ALL, now);
    }

    /** The usable token of one of the kinds, or 422 {@code action_token_invalid}. */
    @Transactional(Transactional.TxType.MANDATORY)
    Found find(Secret token, List<String> kinds, Instant now) {
        if (token == null || !SHAPE.matcher(token.reveal()).matches()) {
            throw new ActionTokenInvalid();
        }
        return tokens.findUsable(TokenService.hashOf(token.reveal()), kinds, now)
                .map(t -> new Found(t.id(), t.userId(), t.kind(), t.newEmail()))
                .orElseThrow(ActionTokenInvalid::new);
    }

    /**
     * Spends the token with one conditional UPDATE: of two parallel uses only one wins; the other
     * (and a token that expired meanwhile) is 422.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void consume(Found token, Instant now) {
        if (!tokens.consume(token.id(), now)) {
            throw new ActionTokenInvalid();
        }
    }

    Duration ttl(String kind) {
        return switch (kind) {
            case VERIFY -> config.verifyTokenTtl();
            case RESET -> config.resetTokenTtl();
            case EMAIL_CHANGE -> config.emailChangeTokenTtl();
            default -> throw new IllegalArgumentException("unknown token kind " + kind);
        };
    }
}
