package dev.patriotforge.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The decision FORGE_AUTH_REQUIRE_VERIFIED_EMAIL makes after a password matched (a wrong password
 * never gets this far and stays 401). The end-to-end default (not required) is covered by every
 * test that logs in before verifying; turning it on would need a second Quarkus application.
 */
class RequireVerifiedEmailTest {

    @Test
    void onlyAnUnverifiedAddressIsRefusedAndOnlyWhenRequired() {
        assertThat(AuthService.refusesUnverified(true, false)).isTrue();
        assertThat(AuthService.refusesUnverified(true, true)).isFalse();
        assertThat(AuthService.refusesUnverified(false, false)).isFalse();
        assertThat(AuthService.refusesUnverified(false, true)).isFalse();
    }
}
