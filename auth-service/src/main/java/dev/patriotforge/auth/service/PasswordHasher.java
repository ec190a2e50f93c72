package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.security.Secret;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}. The cost is configuration and never below OWASP's
 * minimum; a stored hash made with other parameters is reported as needing a re-hash. All hashing
 * runs on the bounded {@link HashingPool}.
 *
 * <p>Each hashing thread keeps its Argon2 memory (19 MiB at the default cost) between hashes:
 * Bouncy Castle zeroes the blocks after every hash and hands them back to the thread's pool.
 * Allocating them afresh for every login made the garbage collector the largest cost after the hash
 * itself (at 26 logins/s, 47 full collections in 20 s with the suite's 256 MiB heap).
 */
@ApplicationScoped
public class PasswordHasher {
    static final int MIN_MEMORY_KIB = 19456;
    static final int MIN_ITERATIONS = 2;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** Argon2id cost parameters. */
    public record Cost(int memoryKib, int iterations, int parallelism) {
        String phc() {
            return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
        }
    }

    /** The outcome of checking a password against a stored hash. */
    public enum Verdict {
        MISMATCH,
        MATCH,
        MATCH_NEEDS_REHASH;

        public boolean matches() {
            return this != MISMATCH;
        }
    }

    private final Cost cost;
    private final HashingPool pool;
    private final SecureRandom random = new SecureRandom();
    private final Timer timer;
    private final String dummyHash;
    private final ThreadLocal<Argon2BytesGenerator.BlockPool> blocks;

    @Inject
    public PasswordHasher(AuthConfig config, HashingPool pool, MeterRegistry metrics) {
        this(
                new Cost(
                        config.argon2().memoryKib(),
                        config.argon2().iterations(),
                        config.argon2().parallelism()),
                pool,
                Timer.builder("forge.auth.password.hash")
                        .description("Time of one Argon2id computation")
                        .register(metrics));
    }

    PasswordHasher(Cost cost, HashingPool pool, Timer timer) {
        if (cost.memoryKib() < MIN_MEMORY_KIB
                || cost.iterations() < MIN_ITERATIONS
                || cost.parallelism() < 1) {
            throw new IllegalStateException(
                    "Argon2id parameters below the OWASP minimum (m=19456 KiB, t=2, p=1): "
                            + cost.phc());
        }
        this.cost = cost;
        this.pool = pool;
        this.timer = timer;
        int blockCount = Argon2BytesGenerator.getBlockCount(cost.memoryKib(), cost.parallelism());
        this.blocks =
                ThreadLocal.withInitial(() -> new Argon2BytesGenerator.FixedBlockPool(blockCount));
        byte[] filler = new byte[24];
        random.nextBytes(filler);
        this.dummyHash = pool.run(() -> compute(B64.encodeToString(filler), cost));
    }

    public Cost cost() {
        return cost;
    }

    /** A new PHC hash of the password with a fresh salt. */
    public String hash(Secret password) {
        return pool.run(() -> compute(password.reveal(), cost));
    }

    /**
     * Checks a password against a PHC hash in constant time. A password over the length bound
     * cannot be one that was stored, and is not hashed at all (callers refuse it before).
     */
    public Verdict verify(Secret password, String phc) {
        if (!PasswordPolicy.withinMaxLength(password)) {
            return Verdict.MISMATCH;
        }
        return pool.run(() -> check(password.reveal(), phc));
    }

    /**
     * Spends exactly the work of a real check, for a login whose account does not exist, so that
     * the answer takes as long as for one that does.
     */
    public void verifyNothing(Secret password) {
        if (!PasswordPolicy.withinMaxLength(password)) {
            return;
        }
        pool.run(() -> check(password.reveal(), dummyHash));
    }

    private Verdict check(String password, String phc) {
        Parsed stored = Parsed.of(phc);
        if (stored == null) {
            // An unreadable hash never matches, but still costs a hash of the current cost.
            compute(password, cost);
            return Verdict.MISMATCH;
        }
        byte[] actual = derive(password, stored.salt(), stored.cost(), stored.hash().length);
        if (!MessageDigest.isEqual(actual, stored.hash())) {
            return Verdict.MISMATCH;
        }
        return stored.cost().equals(cost) ? Verdict.MATCH : Verdict.MATCH_NEEDS_REHASH;
    }

    private String compute(String password, Cost c) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, c, HASH_BYTES);
        return PREFIX + c.phc() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private byte[] derive(String password, byte[] salt, Cost c, int length) {
        Argon2Parameters parameters =
                new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(c.memoryKib())
                        .withIterations(c.iterations())
                        .withParallelism(c.parallelism())
                        .withSalt(salt)
                        .withBlockPool(blocks.get())
                        .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] input =
                Normalizer.normalize(password, Normalizer.Form.NFKC)
                        .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        long start = System.nanoTime();
        try {
            generator.generateBytes(input, out);
        } finally {
            Arrays.fill(input, (byte) 0);
            timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        return out;
    }

    /** The parts of a stored PHC string, or null when it is not one this class wrote. */
    private static final class Parsed {
        private final Cost cost;
        private final byte[] salt;
        private final byte[] hash;

        private Parsed(Cost cost, byte[] salt, byte[] hash) {
            this.cost = cost;
            this.salt = salt;
            this.hash = hash;
        }

        Cost cost() {
            return cost;
        }

        byte[] salt() {
            return salt;
        }

        byte[] hash() {
            return hash;
        }

        static Parsed of(String phc) {
            if (phc == null || !phc.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
            if (parts.length != 3) {
                return null;
            }
            try {
                int m = 0;
                int t = 0;
                int p = 0;
                for (String pair : parts[0].split(",", -1)) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2) {
                        return null;
                    }
                    int value = Integer.parseInt(kv[1]);
                    switch (kv[0]) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> {
                            return null;
                        }
                    }
                }
                byte[] salt = B64_DECODER.decode(parts[1]);
                byte[] hash = B64_DECODER.decode(parts[2]);
                if (m < 8 || t < 1 || p < 1 || salt.length < 8 || hash.length < 16) {
                    return null;
                }
                return new Parsed(new Cost(m, t, p), salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
