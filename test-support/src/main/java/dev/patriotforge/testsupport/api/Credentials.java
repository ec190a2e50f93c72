package dev.patriotforge.testsupport.api;

import java.security.SecureRandom;
import java.util.UUID;

/** Emails no other test uses and strong random passwords that no common-password list holds. */
public final class Credentials {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private Credentials() {}

    /** A fresh email that starts with {@code tag} (lower case letters, digits and dashes). */
    public static String email(String tag) {
        return tag + "-" + UUID.randomUUID().toString().substring(0, 12) + "@forge.test";
    }

    /** A strong random password. */
    public static String password() {
        StringBuilder b = new StringBuilder("Fjord-");
        for (int i = 0; i < 14; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
