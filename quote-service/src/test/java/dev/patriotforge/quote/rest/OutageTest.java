package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.body;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.patriotforge.quote.support.RedisAdmin;
import dev.patriotforge.quote.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Real outages of the servers ./forge test started: the service fails closed with 503 and
 * Retry-After, and recovers when the server is back. Runs last (see junit-platform.properties).
 */
@QuarkusTest
@EnabledIfEnvironmentVariable(named = "FORGE_TEST_RUN_DIR", matches = ".+")
@Order(Integer.MAX_VALUE)
class OutageTest {

    @Test
    void redisRefusingTheServiceFailsClosedWith503() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        try (RedisAdmin redis = RedisAdmin.connect()) {
            redis.command("ACL", "SETUSER", "forge_quote", "off");
            redis.command("CLIENT", "KILL", "USER", "forge_quote");
            try {
                as(owner)
                        .get(BASE + "/" + id)
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("code", equalTo("dependency_unavailable"));
                as(owner)
                        .contentType(ContentType.JSON)
                        .header("Idempotency-Key", "during-outage")
                        .body(body("During outage", 1))
                        .post(BASE)
                        .then()
                        .statusCode(503);
            } finally {
                redis.command("ACL", "SETUSER", "forge_quote", "on");
            }
        }
        awaitRecovery(owner, id);
    }

    @Test
    void postgresDownIs503AndTheServiceRecovers() throws Exception {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        pgCtl("stop", "-m", "fast");
        try {
            as(owner)
                    .get(BASE + "/" + id)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("dependency_unavailable"));
            as(owner)
                    .contentType(ContentType.JSON)
                    .body(body("During outage", 1))
                    .post(BASE)
                    .then()
                    .statusCode(503)
                    .body("code", equalTo("dependency_unavailable"));
        } finally {
            // restart reuses the options the server was started with (postmaster.opts).
            pgCtl("restart", "-m", "fast");
        }
        awaitRecovery(owner, id);
    }

    /** Until every pooled connection is healthy again: several successes in a row. */
    private static void awaitRecovery(TestUser owner, String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int successes = 0;
        while (successes < 20 && System.nanoTime() < deadline) {
            int status = as(owner).get(BASE + "/" + id).then().extract().statusCode();
            successes = status == 200 ? successes + 1 : 0;
            if (status != 200) {
                sleep();
            }
        }
        assertThat(successes).as("the service recovered").isEqualTo(20);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pgCtl(String... args) throws IOException, InterruptedException {
        Path run = Path.of(System.getenv("FORGE_TEST_RUN_DIR"));
        String dataDir = Files.readString(run.resolve("pg.datadir")).trim();
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(pgBin().resolve("pg_ctl").toString());
        command.addAll(
                List.of(
                        "-D",
                        dataDir,
                        "-w",
                        "-t",
                        "60",
                        "-l",
                        run.resolve("postgres.log").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output =
                new String(
                        process.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("pg_ctl %s: %s", args[0], output).isZero();
    }

    private static Path pgBin() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(java.util.Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL installation"));
        }
    }
}
