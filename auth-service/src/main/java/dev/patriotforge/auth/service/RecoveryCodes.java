package dev.patriotforge.auth.service;

import dev.patriotforge.auth.security.Base32;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TOTP recovery codes: 80 random bits each, shown as four groups of four base32 characters ({@code
 * abcd-efgh-2345-wxyz}); what is stored is the SHA-256 of the 16 characters, so a code is found
 * however the user typed its dashes, spaces and case.
 */
final class RecoveryCodes {
    static final int COUNT = 10;
    private static final int BYTES = 10;
    private static final int CHARS = 16;
    private static final int MAX_INPUT = 64;

    private RecoveryCodes() {}

    /** Ten new codes, formatted for display. */
    static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            byte[] bytes = new byte[BYTES];
            random.nextBytes(bytes);
            String raw = Base32.encode(bytes).toLowerCase(Locale.ROOT);
            codes.add(
                    String.join(
                            "-",
                            raw.substring(0, 4),
                            raw.substring(4, 8),
                            raw.substring(8, 12),
                            raw.substring(12, 16)));
        }
        return codes;
    }

    /** The 16 characters of a code as typed, or empty when the text cannot be one. */
    static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > MAX_INPUT) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(CHARS);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c == '-' || c == ' ') {
                continue;
            }
            if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
                return Optional.empty();
            }
            out.append(c);
        }
        return out.length() == CHARS ? Optional.of(out.toString()) : Optional.empty();
    }

    /** What is stored of a normalized code. */
    static byte[] hashOf(String normalized) {
        return TokenService.sha256(normalized.getBytes(StandardCharsets.US_ASCII));
    }
}
