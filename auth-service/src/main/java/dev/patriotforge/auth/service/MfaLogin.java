package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.MfaTokenRepository;
import dev.patriotforge.auth.domain.RecoveryCodeRepository;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.security.LoginThrottle;
import dev.patriotforge.auth.security.MfaCipher;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.security.Totp;
import dev.patriotforge.shared.error.InvalidCredentials;
import dev.patriotforge.shared.error.TokenInvalid;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * The second step of a login (contract 2.2). A right password for an account with TOTP on gets an
 * {@code mfa_token} (256 bits, only its SHA-256 stored, 5 minutes); {@code /login/mfa} with it and
 * a current TOTP code or an unused recovery code opens the session, with {@code amr ["pwd",
 * "otp"]}.
 *
 * <p>Each code is counted against the account's lockout (and the IP's failed logins) before it is
 * checked, with the same script as passwords; a wrong code leaves the token usable. The check and
 * the session are written under the user's row lock: a TOTP step is accepted only if it is later
 * than the last accepted one (no replay), and the token only if the password hash is still the one
 * it was issued against (a password change or reset voids it).
 */
@ApplicationScoped
public class MfaLogin {
    private static final Logger LOG = Logger.getLogger(MfaLogin.class);
    private static final int MAX_CODE_LENGTH = 64;

    private final UserRepository users;
    private final MfaTokenRepository mfaTokens;
    private final RecoveryCodeRepository recoveryCodes;
    private final TokenService tokens;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final MfaCipher cipher;
    private final AuthMetrics metrics;
    private final AuthConfig config;

    public MfaLogin(
            UserRepository users,
            MfaTokenRepository mfaTokens,
            RecoveryCodeRepository recoveryCodes,
            TokenService tokens,
            SessionService sessions,
            LoginThrottle throttle,
            MfaCipher cipher,
            AuthMetrics metrics,
            AuthConfig config) {
        this.users = users;
        this.mfaTokens = mfaTokens;
        this.recoveryCodes = recoveryCodes;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.cipher = cipher;
        this.metrics = metrics;
        this.config = config;
    }

    /** Issues the second step for a user whose password was right. Runs in the caller's tx. */
    LoginResult challenge(User user) {
        String token = tokens.newRefreshToken();
        Instant now = sessions.now();
        mfaTokens.insert(
                user.id,
                TokenService.hashOf(token),
                credentialStamp(user.passwordHash),
                now,
                now.plus(config.mfa().tokenTtl()));
        return LoginResult.secondStep(token, config.mfa().tokenTtl());
    }

    private enum Outcome {
        SUCCESS,
        WRONG_CODE,
        TOKEN_INVALID
    }

    private record Verdict(Outcome outcome, IssuedTokens tokens) {}

    /** Completes a login: the tokens, 401 for a wrong code or an unusable mfa_token. */
    public IssuedTokens complete(Secret mfaToken, Secret code, ClientInfo client) {
        Inputs in = new Inputs();
        if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
            in.reject("code", "must be a 6-digit TOTP code or a recovery code");
        }
        in.check();
        if (mfaToken == null || !TokenService.looksLikeRefreshToken(mfaToken.reveal())) {
            metrics.login("mfa_token_invalid");
            throw new TokenInvalid();
        }
        byte[] hash = TokenService.hashOf(mfaToken.reveal());
        MfaTokenRepository.Usable usable =
                QuarkusTransaction.requiringNew()
                        .call(() -> mfaTokens.findUsable(hash, sessions.now()))
                        .orElse(null);
        User owner =
                usable == null
                        ? null
                        : QuarkusTransaction.requiringNew()
                                .call(() -> users.findLive(usable.userId()))
                                .orElse(null);
        if (owner == null) {
            metrics.login("mfa_token_invalid");
            throw new TokenInvalid();
        }
        LoginThrottle.Attempt attempt = throttle.admitLogin(owner.email, client.ip());
        Verdict verdict =
                QuarkusTransaction.requiringNew().call(() -> verify(usable, code, client));
        switch (verdict.outcome()) {
            case SUCCESS -> {
                attempt.succeeded();
                metrics.login("success");
                LOG.infof(
                        "Two-step login of user %s opened session %s",
                        owner.id, verdict.tokens().sessionId());
                return verdict.tokens();
            }
            case WRONG_CODE -> {
                attempt.failed();
                if (attempt.locksOnFailure()) {
                    metrics.lockout();
                    LOG.infof("User %s is locked after repeated wrong codes", owner.id);
                }
                metrics.login("invalid_credentials");
                throw new InvalidCredentials();
            }
            default -> {
                attempt.passedFirstStep();
                metrics.login("mfa_token_invalid");
                throw new TokenInvalid();
            }
        }
    }

    private Verdict verify(MfaTokenRepository.Usable usable, Secret code, ClientInfo client) {
        Instant now = sessions.now();
        User live = users.findLiveForUpdate(usable.userId()).orElse(null);
        if (live == null
                || !live.mfaEnabled()
                || !MessageDigest.isEqual(
                        HexFormat.of().parseHex(usable.credentialStamp()),
                        credentialStamp(live.passwordHash))) {
            return new Verdict(Outcome.TOKEN_INVALID, null);
        }
        if (!accepted(live, code.reveal(), now)) {
            return new Verdict(Outcome.WRONG_CODE, null);
        }
        if (!mfaTokens.consume(usable.id(), now)) {
            // Spent by a parallel right code, or expired meanwhile: nothing of this one is kept.
            QuarkusTransaction.setRollbackOnly();
            return new Verdict(Outcome.TOKEN_INVALID, null);
        }
        IssuedTokens opened = sessions.open(live, client, SessionService.AMR_PASSWORD_OTP);
        users.flush();
        return new Verdict(Outcome.SUCCESS, opened);
    }

    /** A TOTP code of a step later than the last accepted one, or an unused recovery code. */
    private boolean accepted(User user, String typed, Instant now) {
        String code = typed.replace(" ", "");
        if (Totp.looksLikeCode(code)) {
            long last = user.totpLastStep == null ? Long.MIN_VALUE : user.totpLastStep;
            OptionalLong step =
                    Totp.matchingStep(
                            cipher.decrypt(user.totpSecret, TotpEnrolment.associatedData(user.id)),
                            code,
                            now,
                            last);
            if (step.isPresent()) {
                user.totpLastStep = step.getAsLong();
                return true;
            }
            return false;
        }
        Optional<String> recovery = RecoveryCodes.normalize(code);
        return recovery.isPresent()
                && recoveryCodes.consume(user.id, RecoveryCodes.hashOf(recovery.get()), now);
    }

    /** What an mfa_token remembers of the password hash it was issued against. */
    static byte[] credentialStamp(String passwordHash) {
        return TokenService.sha256(passwordHash.getBytes(StandardCharsets.UTF_8));
    }
}
