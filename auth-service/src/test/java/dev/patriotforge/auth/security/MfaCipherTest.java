package dev.patriotforge.auth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MfaCipherTest {
    private static final byte[] USER = "user-a".getBytes(StandardCharsets.US_ASCII);

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void roundTripsWithAFreshNonceEachTime() {
        MfaCipher cipher = new MfaCipher(key());
        byte[] secret = Totp.newSecret(new SecureRandom());
        byte[] first = cipher.encrypt(secret, USER);
        byte[] second = cipher.encrypt(secret, USER);
        assertThat(first).hasSize(12 + 20 + 16).isNotEqualTo(second);
        assertThat(cipher.decrypt(first, USER)).isEqualTo(secret);
        assertThat(cipher.decrypt(second, USER)).isEqualTo(secret);
    }

    @Test
    void refusesATamperedCiphertextAnotherUserOrAnotherKey() {
        byte[] key = key();
        MfaCipher cipher = new MfaCipher(key);
        byte[] sealed = cipher.encrypt(new byte[20], USER);
        byte[] tampered = sealed.clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(tampered, USER))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(
                        () -> cipher.decrypt(sealed, "user-b".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new MfaCipher(key()).decrypt(sealed, USER))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[5], USER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysAreBase64Of256Bits() {
        byte[] key = key();
        assertThat(MfaCipher.parseKey(Base64.getEncoder().encodeToString(key))).isEqualTo(key);
        assertThatThrownBy(
                        () -> MfaCipher.parseKey(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("FORGE_AUTH_MFA_ENCRYPTION_KEY")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> MfaCipher.parseKey("not base64 at all!"))
                .hasMessageContaining("FORGE_AUTH_MFA_ENCRYPTION_KEY");
    }
}
