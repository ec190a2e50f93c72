package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patriotforge.auth.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Redis full at {@code maxmemory} with {@code noeviction} refuses writes. What protects an account
 * then fails closed (contract 2): a login whose attempt cannot be counted is refused with 503 and
 * its password is not verified (a right one gets the same 503, so the status is no oracle), and a
 * logout whose revocation mark cannot be written answers 503 and changes nothing.
 */
@QuarkusTest
class RedisFullTest {
    private static final Pattern USED_MEMORY = Pattern.compile("(?m)^used_memory:(\\d+)");
    private static final String FILLER = "forge:test:filler:";

    @Inject
    @RedisClientName("admin")
    RedisDataSource admin;

    @Inject MeterRegistry registry;

    private double hashes() {
        return registry.find("forge.auth.password.hash").timer().count();
    }

    @Test
    void whenRedisRefusesWritesLoginAndLogoutFailClosed() {
        Api.Account account = Api.register("full");
        Api.Session session = Api.login(account);
        String maxmemory = admin.execute("CONFIG", "GET", "maxmemory").get("maxmemory").toString();
        List<String> filler = new ArrayList<>();
        try {
            fillUntilWritesAreRefused(filler);
            double before = hashes();

            problem(
                    Api.loginResponse(account.email(), "Wrong-Password-123", Api.ip()),
                    503,
                    "dependency_unavailable");
            problem(
                    Api.loginResponse(account.email(), account.password(), Api.ip()),
                    503,
                    "dependency_unavailable");
            assertThat(hashes()).as("passwords verified while Redis was full").isEqualTo(before);

            problem(
                    Api.bearer(session.accessToken()).post("/api/auth/logout"),
                    503,
                    "dependency_unavailable");
            problem(
                    Api.changePassword(session.accessToken(), account.password(), Api.password()),
                    503,
                    "dependency_unavailable");
        } finally {
            for (String key : filler) {
                admin.key().del(key);
            }
            admin.key().del(FILLER + "small");
            admin.execute("CONFIG", "SET", "maxmemory", maxmemory);
        }
        // Nothing changed: the session is live, the password the same, the account not locked;
        // and now a logout writes its mark and the access token stops.
        Api.bearer(session.accessToken()).get("/api/auth/me").then().statusCode(200);
        Api.login(account);
        Api.bearer(session.accessToken()).post("/api/auth/logout").then().statusCode(204);
        unauthorized(Api.bearer(session.accessToken()).get("/api/auth/me"), "token_revoked");
    }

    /**
     * Lowers maxmemory a little above what Redis holds, and writes filler until Redis refuses a
     * write (OOM). A refused write frees its own argument again, which leaves Redis just under the
     * limit; so the limit is then pinned below what Redis holds, and every write is refused while
     * the test runs.
     */
    private void fillUntilWritesAreRefused(List<String> filler) {
        admin.execute("CONFIG", "SET", "maxmemory", Long.toString(usedMemory() + 4L * 1024 * 1024));
        String value = "x".repeat(256 * 1024);
        for (int i = 0; i < 1_000; i++) {
            String key = FILLER + i;
            filler.add(key);
            try {
                admin.value(String.class).set(key, value);
            } catch (RuntimeException e) {
                assertThat(messages(e)).contains("OOM");
                admin.execute(
                        "CONFIG", "SET", "maxmemory", Long.toString(usedMemory() - 512L * 1024));
                assertThatThrownBy(() -> admin.value(String.class).set(FILLER + "small", "1"))
                        .satisfies(refused -> assertThat(messages(refused)).contains("OOM"));
                return;
            }
        }
        throw new AssertionError("Redis never refused a write");
    }

    private long usedMemory() {
        Matcher used = USED_MEMORY.matcher(admin.execute("INFO", "memory").toString());
        assertThat(used.find()).isTrue();
        return Long.parseLong(used.group(1));
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }
}
