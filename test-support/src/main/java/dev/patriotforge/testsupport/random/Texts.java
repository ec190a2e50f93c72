package dev.patriotforge.testsupport.random;

/**
 * Generators of characters, strings and bytes. A {@code char} is a UTF-16 unit: {@link #anyChar}
 * draws lone surrogates too, as an attacker's text has them.
 */
public final class Texts {
    private Texts() {}

    /** Characters from {@code from} to {@code to}, both included, the ends mixed in. */
    public static Gen<Character> chars(char from, char to) {
        return Gens.ints(from, to).map(c -> (char) c.intValue());
    }

    /** Any UTF-16 unit, from U+0000 to U+FFFF, surrogates included. */
    public static Gen<Character> anyChar() {
        return chars(Character.MIN_VALUE, Character.MAX_VALUE);
    }

    /** ASCII letters, a to z in both cases. */
    public static Gen<Character> alpha() {
        return Gens.oneOf(chars('a', 'z'), chars('A', 'Z'));
    }

    /** Strings of {@code min} to {@code max} characters drawn from {@code chars}. */
    public static Gen<String> strings(Gen<Character> chars, int min, int max) {
        if (min < 0) {
            throw new IllegalArgumentException("negative length " + min);
        }
        Gen<Integer> lengths = Gens.ints(min, max);
        return random -> {
            int length = lengths.next(random);
            StringBuilder b = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                b.append(chars.next(random).charValue());
            }
            return b.toString();
        };
    }

    /** Arrays of {@code min} to {@code max} bytes, any values. */
    public static Gen<byte[]> bytes(int min, int max) {
        Gen<Integer> lengths = Gens.ints(min, max);
        return random -> {
            byte[] bytes = new byte[lengths.next(random)];
            random.nextBytes(bytes);
            return bytes;
        };
    }
}
