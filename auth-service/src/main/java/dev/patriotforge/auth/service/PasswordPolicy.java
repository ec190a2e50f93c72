package dev.patriotforge.auth.service;

import dev.patriotforge.auth.security.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: 12..128 characters (also after NFKC normalization), not a common
 * password or one built from a common password (a few digits or symbols around it, letters swapped
 * for look-alike digits, a word repeated), not a run of repeated or neighbouring keys, and not
 * containing the email's local part. The list of common passwords ships as a resource
 * (resources/passwords).
 */
@ApplicationScoped
public class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final String TOO_COMMON = "is too common or too easy to guess";
    static final String CONTAINS_EMAIL = "must not contain the name part of your email";
    static final String TOO_LONG_NORMALIZED =
            "must be at most " + MAX_LENGTH + " characters after Unicode (NFKC) normalization";
    private static final String[] KEYBOARD_ROWS = {
        "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./", "abcdefghijklmnopqrstuvwxyz"
    };
    private static final int MIN_DISTINCT = 5;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load("/passwords/common-passwords.txt");
    }

    /**
     * True when the password is at most {@link #MAX_LENGTH} characters both as sent and after NFKC
     * normalization (what is hashed; U+FDFA alone becomes 18 characters). Cheap: a long input is
     * refused by its length before it is normalized. Every password is checked with this before it
     * is hashed, so the work of one hash is bounded whatever a client sends.
     */
    public static boolean withinMaxLength(Secret password) {
        String raw = password.reveal();
        // Each code point is one or two chars: more than twice the bound is over it.
        if (raw.length() > 2 * MAX_LENGTH || password.length() > MAX_LENGTH) {
            return false;
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        return normalized.codePointCount(0, normalized.length()) <= MAX_LENGTH;
    }

    /** The reason the password is not acceptable for this email, if any. */
    public Optional<String> problemWith(Secret password, String normalizedEmail) {
        int length = password.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of(
                    "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        if (!withinMaxLength(password)) {
            return Optional.of(TOO_LONG_NORMALIZED);
        }
        String lower = password.reveal().toLowerCase(Locale.ROOT);
        if (containsLocalPart(lower, normalizedEmail)) {
            return Optional.of(CONTAINS_EMAIL);
        }
        if (isEasilyGuessed(lower)) {
            return Optional.of(TOO_COMMON);
        }
        return Optional.empty();
    }

    private static boolean containsLocalPart(String lower, String email) {
        if (email == null) {
            return false;
        }
        int at = email.lastIndexOf('@');
        String local = at > 0 ? email.substring(0, at) : email;
        int plus = local.indexOf('+');
        String base = plus > 0 ? local.substring(0, plus) : local;
        return (local.length() >= 3 && lower.contains(local))
                || (base.length() >= 3 && lower.contains(base));
    }

    boolean isEasilyGuessed(String lower) {
        if (common.contains(lower)) {
            return true;
        }
        String core = stripNonLetters(lower);
        if (core.length() >= 3 && (common.contains(core) || common.contains(unLeet(core)))) {
            return true;
        }
        String unit = repeatedUnit(lower);
        if (unit != null
                && (unit.length() <= 4
                        || common.contains(unit)
                        || common.contains(unLeet(stripNonLetters(unit))))) {
            return true;
        }
        if (lower.codePoints().distinct().count() < MIN_DISTINCT) {
            return true;
        }
        return mostlySequential(lower);
    }

    /**
     * Drops leading and trailing digits and symbols: {@code !!password2024} -> {@code password}.
     */
    private static String stripNonLetters(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Undoes the usual look-alike swaps: {@code p@ssw0rd} -> {@code password}. */
    private static String unLeet(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(
                    switch (c) {
                        case '0' -> 'o';
                        case '1', '!', '|' -> 'i';
                        case '3' -> 'e';
                        case '4', '@' -> 'a';
                        case '5', '$' -> 's';
                        case '7', '+' -> 't';
                        case '8' -> 'b';
                        case '9' -> 'g';
                        default -> c;
                    });
        }
        return b.toString();
    }

    /** The shortest unit whose repetition makes the whole string, or null. */
    private static String repeatedUnit(String s) {
        int n = s.length();
        for (int size = 1; size <= n / 2; size++) {
            if (n % size != 0) {
                continue;
            }
            String unit = s.substring(0, size);
            if (unit.repeat(n / size).equals(s)) {
                return unit;
            }
        }
        return null;
    }

    /** True when three quarters of neighbouring characters are neighbouring keys or letters. */
    private static boolean mostlySequential(String s) {
        int pairs = s.length() - 1;
        int sequential = 0;
        for (int i = 0; i < pairs; i++) {
            char a = s.charAt(i);
            char b = s.charAt(i + 1);
            if (Math.abs(a - b) == 1 || adjacentKeys(a, b)) {
                sequential++;
            }
        }
        return sequential * 4 >= pairs * 3;
    }

    private static boolean adjacentKeys(char a, char b) {
        for (String row : KEYBOARD_ROWS) {
            int i = row.indexOf(a);
            int j = row.indexOf(b);
            if (i >= 0 && j >= 0 && Math.abs(i - j) == 1) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Set.copyOf(words);
    }
}
