package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.LoginResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A right password for an account with TOTP on: the second step is due. Hides the token. */
@Schema(name = "MfaChallenge")
public record MfaChallengeResponse(
        @Schema(enumeration = "true") boolean mfaRequired,
        @Schema(description = "For POST /api/auth/login/mfa; single use") String mfaToken,
        @Schema(description = "Seconds until the mfa_token expires") long expiresIn) {
    static MfaChallengeResponse from(LoginResult result) {
        return new MfaChallengeResponse(true, result.mfaToken(), result.mfaTokenTtl().toSeconds());
    }

    @Override
    public String toString() {
        return "MfaChallengeResponse[hidden]";
    }
}
