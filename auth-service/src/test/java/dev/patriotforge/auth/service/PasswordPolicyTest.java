package dev.patriotforge.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.security.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final String EMAIL = "margaret.hale+shop@example.com";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password1234",
                "PASSWORD1234",
                "Password2024!",
                "!!password!!",
                "P@ssw0rd12345",
                "iloveyou2024",
                "2024iloveyou",
                "winniethepooh",
                "aaaaaaaaaaaaaa",
                "ababababababab",
                "abcabcabcabc",
                "passwordpassword",
                "123456789012",
                "987654321098",
                "qwertyuiop123",
                "asdfghjkl;'\\",
                "abcdefghijklmnop",
                "1111122222333"
            })
    void commonOrEasilyGuessedPasswordsAreRefused(String password) {
        assertThat(POLICY.problemWith(Secret.of(password), EMAIL))
                .hasValue(PasswordPolicy.TOO_COMMON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-margaret.hale-2026", "MARGARET.HALE+SHOP!!", "my-margaret.hale-pw"})
    void passwordsContainingTheEmailsNameAreRefused(String password) {
        assertThat(POLICY.problemWith(Secret.of(password), EMAIL))
                .hasValue(PasswordPolicy.CONTAINS_EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "elevenchars"})
    void passwordsUnderTwelveCharactersAreRefused(String password) {
        assertThat(POLICY.problemWith(Secret.of(password), EMAIL)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery staple",
                "Fjord-k3J9xQ2mPz7W",
                "tangerine-volcano-87-quill",
                "Zürich Ünïcödé 2026",
                "twelve chars"
            })
    void reasonablePasswordsAreAccepted(String password) {
        assertThat(POLICY.problemWith(Secret.of(password), EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 129})
    void passwordsAreAtMostOneHundredTwentyEightCharacters(int length) {
        String password = "Fjord-k3J9xQ2mPz7W".repeat(8).substring(0, length);
        assertThat(POLICY.problemWith(Secret.of(password), EMAIL).isPresent())
                .isEqualTo(length > 128);
    }

    @Test
    void theLengthBoundHoldsAsSentAndAfterNormalization() {
        String strong = "Vx7-Quill-Nebula-Orchard-";
        assertThat(PasswordPolicy.withinMaxLength(Secret.of("a".repeat(128)))).isTrue();
        assertThat(PasswordPolicy.withinMaxLength(Secret.of("a".repeat(129)))).isFalse();
        // 128 code points of two chars each are 128 characters.
        assertThat(PasswordPolicy.withinMaxLength(Secret.of("\uD83D\uDE00".repeat(128)))).isTrue();
        // U+FDFA is one character as sent and 18 after NFKC: 7 make 126, 8 make 144.
        assertThat(PasswordPolicy.withinMaxLength(Secret.of("\uFDFA".repeat(7)))).isTrue();
        assertThat(PasswordPolicy.withinMaxLength(Secret.of("\uFDFA".repeat(8)))).isFalse();
        assertThat(POLICY.problemWith(Secret.of(strong + "\uFDFA".repeat(6)), EMAIL))
                .hasValue(PasswordPolicy.TOO_LONG_NORMALIZED);
        assertThat(POLICY.problemWith(Secret.of(strong + "\uFDFA".repeat(5)), EMAIL)).isEmpty();
    }
}
