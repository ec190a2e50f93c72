package dev.patriotforge.suite;

import static dev.patriotforge.suite.Suite.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/walkthrough.sh, the README's walk from registration to an accepted quote, run as a reader
 * would run it against the suite's gateway, so that it never goes stale.
 */
@Tag("flow")
class WalkthroughIT {

    @BeforeEach
    void suiteIsUp() {
        Suite.assumeRunning();
    }

    @Test
    void theWalkthroughEndsWithAnAcceptedQuote() throws Exception {
        String adminEmail = Suite.property("forge.admin.email");
        assumeTrue(!adminEmail.isEmpty(), "forge.admin.email is not set");
        assertThat(System.getenv("FORGE_MAIL_DIR"))
                .as("FORGE_MAIL_DIR, where ./forge mail reads the suite's mail")
                .isNotBlank();

        Path log = Files.createTempFile("walkthrough", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(List.of("bash", "docs/walkthrough.sh"))
                        .directory(Repo.root().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().put("FORGE_GATEWAY_URL", Suite.gatewayUrl());
        builder.environment().put("FORGE_BOOTSTRAP_ADMIN_EMAIL", adminEmail);
        builder.environment()
                .put("FORGE_BOOTSTRAP_ADMIN_PASSWORD", Suite.property("forge.admin.password"));
        Process process = builder.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(finished).as("the walkthrough finished:\n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:\n%s", output).isZero();
        assertThat(output)
                .contains("POST /api/auth/register -> 201")
                .contains("POST /api/auth/email/verify -> 200")
                .contains("/price -> 200")
                .contains("/accept -> 200");

        List<String> lines = output.strip().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("accepted: [0-9a-f-]{36}");
        String quoteId = last.substring("accepted: ".length());
        gateway(Suite.adminLogin().access())
                .get("/api/quotes/" + quoteId)
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"))
                .body("revision", equalTo(1));
    }
}
