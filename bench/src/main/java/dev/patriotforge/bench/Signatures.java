package dev.patriotforge.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * RS256, ES256 and EdDSA (Ed25519) signing and verification on this JDK, with the JCA providers the
 * services use, over a signing input the size of the suite's access tokens. One thread each, after
 * a warm-up: the CPU cost per token, not a throughput under load.
 */
final class Signatures {
    /** Header and claims of an access token, base64url-sized (about 400 bytes). */
    private static final byte[] INPUT =
            ("eyJhbGciOiJSUzI1NiIsImtpZCI6ImJlbmNoIiwidHlwIjoiSldUIn0." + "x".repeat(340))
                    .getBytes(StandardCharsets.US_ASCII);

    private record Algorithm(String jws, String jca, String keyType, Object keySpec) {}

    private Signatures() {}

    /** Microseconds per sign and per verify for each algorithm; prints a small table. */
    static Map<String, Object> measure(double secondsEach) throws GeneralSecurityException {
        Algorithm[] algorithms = {
            new Algorithm("RS256", "SHA256withRSA", "RSA", 2048),
            new Algorithm(
                    "ES256",
                    "SHA256withECDSAinP1363Format",
                    "EC",
                    new ECGenParameterSpec("secp256r1")),
            new Algorithm("EdDSA", "Ed25519", "Ed25519", null)
        };
        Map<String, Object> out = new LinkedHashMap<>();
        System.out.printf(
                Locale.ROOT,
                "%n| %-6s | %12s | %14s | %9s |%n",
                "alg",
                "sign µs/op",
                "verify µs/op",
                "sig bytes");
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %s |%n",
                "-".repeat(6),
                "-".repeat(12),
                "-".repeat(14),
                "-".repeat(9));
        for (Algorithm a : algorithms) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(a.keyType());
            if (a.keySpec() instanceof Integer bits) {
                generator.initialize(bits);
            } else if (a.keySpec() instanceof ECGenParameterSpec spec) {
                generator.initialize(spec);
            }
            KeyPair keys = generator.generateKeyPair();
            Signature signer = Signature.getInstance(a.jca());
            signer.initSign(keys.getPrivate());
            signer.update(INPUT);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(a.jca());
            double signUs = perOp(secondsEach, () -> sign(signer));
            double verifyUs = perOp(secondsEach, () -> verify(verifier, keys, signature));
            System.out.printf(
                    Locale.ROOT,
                    "| %-6s | %12.1f | %14.1f | %9d |%n",
                    a.jws(),
                    signUs,
                    verifyUs,
                    signature.length);
            out.put(
                    a.jws(),
                    Map.of(
                            "sign_us",
                            Bench.round(signUs),
                            "verify_us",
                            Bench.round(verifyUs),
                            "signature_bytes",
                            signature.length));
        }
        return out;
    }

    private interface Op {
        void run() throws GeneralSecurityException;
    }

    /** Half the time warms up, the other half is counted; microseconds per operation. */
    private static double perOp(double seconds, Op op) throws GeneralSecurityException {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            op.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 0.5e9);
        long n = 0;
        long now;
        do {
            op.run();
            n++;
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1e3 / n;
    }

    private static void sign(Signature signer) throws GeneralSecurityException {
        signer.update(INPUT);
        if (signer.sign().length == 0) {
            throw new IllegalStateException("empty signature");
        }
    }

    private static void verify(Signature verifier, KeyPair keys, byte[] signature)
            throws GeneralSecurityException {
        verifier.initVerify(keys.getPublic());
        verifier.update(INPUT);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("signature did not verify");
        }
    }
}
