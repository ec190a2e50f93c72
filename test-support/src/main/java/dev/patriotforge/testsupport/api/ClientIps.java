package dev.patriotforge.testsupport.api;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses for requests sent straight to a replica. The replicas believe {@code
 * X-Forwarded-For} from 127.0.0.1 (they trust the gateway there), so each test can act as its own
 * client and the per-IP limits of one test do not spill into another. Addresses come from
 * 198.18.0.0/15, the range set aside for benchmarks (RFC 2544).
 */
public final class ClientIps {
    private static final AtomicInteger NEXT =
            new AtomicInteger(new SecureRandom().nextInt(1 << 16));

    private ClientIps() {}

    /** A client address no other caller of this method gets during this run. */
    public static String next() {
        int n = NEXT.getAndIncrement() & 0x1ffff;
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }
}
