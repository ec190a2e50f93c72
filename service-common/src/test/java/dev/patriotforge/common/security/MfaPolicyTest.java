package dev.patriotforge.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patriotforge.shared.error.MfaRequired;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decision of FORGE_MFA_REQUIRED_ROLES (contract 2.2), for both services. */
class MfaPolicyTest {
    private static final Set<String> STAFF_ADMIN = Set.of("staff", "admin");

    private static Caller caller(String role, String... amr) {
        return new Caller(UUID.randomUUID(), UUID.randomUUID(), role, Set.of(amr), null);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/quotes",
                "/api/quotes/0b1e/price",
                "/api/auth/users",
                "/api/auth/password",
                "/api/auth/logout-all",
                "/api/auth/me/email",
                "/api/auth/meX",
                "/api/auth/mfa",
                "/api/auth/mfa/../users",
                "/api/auth/sessions/../../quotes",
                "/api/auth/mfa%2F..%2Fusers",
                "//api/auth/me",
            })
    void aStaffOrAdminTokenWithoutOtpIsRefusedOutsideTheExemptions(String path) {
        assertThat(MfaPolicy.refuses(STAFF_ADMIN, caller("staff", "pwd"), path)).isTrue();
        assertThat(MfaPolicy.refuses(STAFF_ADMIN, caller("admin", "pwd"), path)).isTrue();
        assertThat(MfaPolicy.refuses(STAFF_ADMIN, caller("admin"), path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/auth/me",
                "/api/auth/me/",
                "/api/auth/mfa/totp",
                "/api/auth/mfa/totp/confirm",
                "/api/auth/logout",
                "/api/auth/sessions",
                "/api/auth/sessions/6f1c8a52-0d7e-4a8e-9a4c-1d2f3e4a5b6c"
            })
    void theEnrolmentAndSelfServiceEndpointsStayOpen(String path) {
        assertThat(MfaPolicy.refuses(STAFF_ADMIN, caller("staff", "pwd"), path)).isFalse();
    }

    @Test
    void otpInAmrOrARoleNotListedPasses() {
        assertThat(MfaPolicy.refuses(STAFF_ADMIN, caller("staff", "pwd", "otp"), "/api/quotes"))
                .isFalse();
        assertThat(MfaPolicy.refuses(STAFF_ADMIN, caller("customer", "pwd"), "/api/quotes"))
                .isFalse();
        assertThat(MfaPolicy.refuses(Set.of(), caller("admin", "pwd"), "/api/auth/users"))
                .isFalse();
        assertThat(MfaPolicy.refuses(STAFF_ADMIN, caller("staff", "pwd"), null)).isTrue();
    }

    @Test
    void theSettingIsACommaListAndEmptyByDefault() {
        MfaPolicy off = new MfaPolicy(Optional.empty());
        assertThatCode(() -> off.check(caller("admin", "pwd"), "/api/auth/users"))
                .doesNotThrowAnyException();
        MfaPolicy on = new MfaPolicy(Optional.of(List.of(" Staff", "admin ", "")));
        assertThatThrownBy(() -> on.check(caller("staff", "pwd"), "/api/quotes"))
                .isInstanceOfSatisfying(
                        MfaRequired.class, e -> assertThat(e.code()).isEqualTo("mfa_required"));
        assertThat(MfaPolicy.parse(List.of(" Staff", "admin ", ""))).isEqualTo(STAFF_ADMIN);
    }
}
