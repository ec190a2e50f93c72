package dev.patriotforge.auth.service;

import java.time.Duration;

/**
 * What a right password gives: the tokens of a new session, or (TOTP on) an {@code mfa_token} for
 * the second step. {@link #toString()} hides both.
 */
public record LoginResult(IssuedTokens tokens, String mfaToken, Duration mfaTokenTtl) {

    static LoginResult of(IssuedTokens tokens) {
        return new LoginResult(tokens, null, null);
    }

    static LoginResult secondStep(String mfaToken, Duration ttl) {
        return new LoginResult(null, mfaToken, ttl);
    }

    public boolean mfaRequired() {
        return tokens == null;
    }

    @Override
    public String toString() {
        return mfaRequired() ? "LoginResult[mfa_required]" : "LoginResult[tokens]";
    }
}
