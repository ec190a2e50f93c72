package dev.patriotforge.testsupport.hostile;

import dev.patriotforge.testsupport.hostile.HostileBody.Raw;
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON nested deeper than a parser should follow (Jackson stops at 1000 levels): arrays, objects,
 * both in turn, and arrays never closed, as {@link Raw} values to send bare or inside a member.
 */
public final class Nesting {
    private Nesting() {}

    /** Arrays and objects nested deeper than the 1000 levels a parser should follow. */
    public static Gen<Object> deep() {
        return Gens.of(of(999, 1_001, 2_500, 5_000, 20_000, 100_000));
    }

    /** For each depth: arrays, objects, both in turn, and arrays never closed. */
    public static List<Raw> of(int... depths) {
        List<Raw> nestings = new ArrayList<>();
        for (int depth : depths) {
            nestings.add(new Raw("[".repeat(depth) + "]".repeat(depth)));
            nestings.add(new Raw("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
            nestings.add(new Raw(mixed(depth)));
            nestings.add(new Raw("[".repeat(depth)));
        }
        return List.copyOf(nestings);
    }

    private static String mixed(int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append(i % 2 == 0 ? "[" : "{\"a\":");
        }
        b.append('1');
        for (int i = depth - 1; i >= 0; i--) {
            b.append(i % 2 == 0 ? ']' : '}');
        }
        return b.toString();
    }
}
