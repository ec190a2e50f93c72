package dev.patriotforge.testsupport.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests a test class sent through {@link RawHttp} and how long it took, printed when
 * the class ends ({@code [hostile] BodyFuzzTest: 652 requests in 21.3 s}).
 */
public final class RequestCount {
    private static final AtomicInteger SENT = new AtomicInteger();
    private static int first;
    private static long started;

    private RequestCount() {}

    static void sent() {
        SENT.incrementAndGet();
    }

    /** Call from {@code @BeforeAll}. */
    public static void start() {
        first = SENT.get();
        started = System.nanoTime();
    }

    /** Call from {@code @AfterAll}. */
    public static void print(Class<?> testClass) {
        System.out.printf(
                "[hostile] %s: %d requests in %.1f s%n",
                testClass.getSimpleName(), SENT.get() - first, (System.nanoTime() - started) / 1e9);
    }
}
