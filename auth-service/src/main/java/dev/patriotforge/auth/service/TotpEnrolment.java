package dev.patriotforge.auth.service;

import dev.patriotforge.auth.domain.MfaTokenRepository;
import dev.patriotforge.auth.domain.RecoveryCodeRepository;
import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.security.Base32;
import dev.patriotforge.auth.security.MfaCipher;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.security.Totp;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.shared.error.MfaAlreadyEnabled;
import dev.patriotforge.shared.error.MfaNotEnrolled;
import dev.patriotforge.shared.error.TokenRevoked;
import dev.patriotforge.shared.error.UserNotFound;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turning TOTP on and off (contract 2.2): enrolment hands out a new secret once, confirmation with
 * a valid code turns it on and hands out ten recovery codes once; turning it off takes the current
 * password (or an admin) and ends sessions. The secret is stored encrypted and never shown again.
 */
@ApplicationScoped
public class TotpEnrolment {
    private static final Logger LOG = Logger.getLogger(TotpEnrolment.class);
    static final String ISSUER = "PatriotForge";
    static final String REASON_MFA_DISABLED = "mfa_disabled";
    static final String REASON_MFA_RESET = "mfa_reset_by_admin";

    private final UserRepository users;
    private final Accounts accounts;
    private final RecoveryCodeRepository recoveryCodes;
    private final MfaTokenRepository mfaTokens;
    private final PasswordChanges passwords;
    private final SessionService sessions;
    private final AdminAuthority authority;
    private final MfaCipher cipher;
    private final SecureRandom random = new SecureRandom();

    public TotpEnrolment(
            UserRepository users,
            Accounts accounts,
            RecoveryCodeRepository recoveryCodes,
            MfaTokenRepository mfaTokens,
            PasswordChanges passwords,
            SessionService sessions,
            AdminAuthority authority,
            MfaCipher cipher) {
        this.users = users;
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.mfaTokens = mfaTokens;
        this.passwords = passwords;
        this.sessions = sessions;
        this.authority = authority;
        this.cipher = cipher;
    }

    /** A new secret and its otpauth URI; {@link #toString()} hides both. */
    public record Enrolment(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "Enrolment[hidden]";
        }
    }

    /**
     * Starts an enrolment: a new 160-bit secret replaces any unconfirmed one; 409 {@code
     * mfa_already_enabled} while TOTP is on.
     */
    @Transactional
    public Enrolment enrol(Caller caller) {
        User user = users.findLiveForUpdate(caller.userId()).orElseThrow(TokenRevoked::new);
        if (user.mfaEnabled()) {
            throw new MfaAlreadyEnabled();
        }
        byte[] secret = Totp.newSecret(random);
        user.totpSecret = cipher.encrypt(secret, associatedData(user.id));
        user.totpLastStep = null;
        user.updatedAt = sessions.now();
        String text = Base32.encode(secret);
        LOG.infof("User %s started a TOTP enrolment", user.id);
        return new Enrolment(text, otpauthUri(user.email, text));
    }

    /**
     * Turns TOTP on with a valid code of the enrolled secret and returns ten new recovery codes
     * (shown only here). 409 when there is no enrolment or TOTP is already on; a wrong code is 422
     * and changes nothing.
     */
    @Transactional
    public List<String> confirm(Caller caller, Secret code) {
        Inputs in = new Inputs();
        if (code == null || !Totp.looksLikeCode(code.reveal())) {
            in.reject("code", "must be the 6-digit code of the authenticator app");
        }
        in.check();
        User user = users.findLiveForUpdate(caller.userId()).orElseThrow(TokenRevoked::new);
        if (user.mfaEnabled()) {
            throw new MfaAlreadyEnabled();
        }
        if (user.totpSecret == null) {
            throw new MfaNotEnrolled();
        }
        Instant now = sessions.now();
        OptionalLong step =
                Totp.matchingStep(
                        cipher.decrypt(user.totpSecret, associatedData(user.id)),
                        code.reveal(),
                        now,
                        Long.MIN_VALUE);
        if (step.isEmpty()) {
            in.reject("code", "is not the current code of the authenticator app");
            in.check();
        }
        user.totpConfirmedAt = now;
        user.totpLastStep = step.getAsLong();
        user.updatedAt = now;
        List<String> codes = RecoveryCodes.generate(random);
        recoveryCodes.replace(
                user.id, codes.stream().map(TotpEnrolment::recoveryHash).toList(), now);
        users.flush();
        LOG.infof("User %s turned TOTP on", user.id);
        return codes;
    }

    /**
     * Turns TOTP off after checking the current password (401 {@code invalid_credentials}, counted
     * towards the lockout) and ends every other session of the user.
     */
    public void disable(Caller caller, Secret currentPassword) {
        User user = accounts.findLive(caller.userId());
        if (user == null) {
            throw new TokenRevoked();
        }
        passwords.checkCurrent(user, currentPassword);
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            User live =
                                    users.findLiveForUpdate(caller.userId())
                                            .orElseThrow(TokenRevoked::new);
                            turnOff(live);
                            sessions.endAllExcept(live.id, caller.sessionId(), REASON_MFA_DISABLED);
                        });
        LOG.infof("User %s turned TOTP off", caller.userId());
    }

    /** An admin turns a user's TOTP off; every session of that user ends. */
    @Transactional
    public void reset(Caller caller, UUID userId) {
        authority.requireForChange(caller);
        User user = users.findLiveForUpdate(userId).orElseThrow(UserNotFound::new);
        turnOff(user);
        sessions.endAll(user.id, REASON_MFA_RESET);
        LOG.infof("Admin %s turned TOTP off for user %s", caller.userId(), user.id);
    }

    private void turnOff(User user) {
        Instant now = sessions.now();
        user.totpSecret = null;
        user.totpConfirmedAt = null;
        user.totpLastStep = null;
        user.updatedAt = now;
        recoveryCodes.deleteAll(user.id);
        mfaTokens.voidOpen(user.id, now);
        users.flush();
    }

    private static byte[] recoveryHash(String code) {
        return RecoveryCodes.hashOf(RecoveryCodes.normalize(code).orElseThrow());
    }

    /** What binds an encrypted secret to its account. */
    static byte[] associatedData(UUID userId) {
        return userId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The Key URI authenticator apps scan (issuer PatriotForge, the account's email). */
    static String otpauthUri(String email, String secret) {
        String label = encode(ISSUER) + ":" + encode(email);
        return "otpauth://totp/"
                + label
                + "?secret="
                + secret
                + "&issuer="
                + encode(ISSUER)
                + "&algorithm=SHA1&digits="
                + Totp.DIGITS
                + "&period="
                + Totp.STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%40", "@");
    }
}
