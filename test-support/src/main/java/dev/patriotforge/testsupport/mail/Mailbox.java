package dev.patriotforge.testsupport.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The mail the real local SMTP server received during this test run, read through {@code ./forge
 * mail --json} itself (so the tests also hold what scripts rely on). {@code ./forge test} starts
 * the server and sets {@code FORGE_MAIL_DIR}; a test run outside it fails with that hint.
 */
public final class Mailbox {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private Mailbox() {}

    /** Every message to {@code address}, newest first. */
    public static List<Mail> messages(String address) {
        List<Mail> mails = new ArrayList<>();
        for (JsonNode node : forgeMail(address)) {
            List<String> links = new ArrayList<>();
            node.path("links").forEach(link -> links.add(link.asText()));
            mails.add(
                    new Mail(
                            node.path("to").asText(),
                            node.path("subject").asText(),
                            Instant.parse(node.path("received_at").asText()),
                            node.path("text").asText(),
                            links));
        }
        return mails;
    }

    /** The newest message to {@code address} that matches, waiting for it up to {@code timeout}. */
    public static Mail await(String address, Predicate<Mail> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Mail mail : messages(address)) {
                if (match.test(mail)) {
                    return mail;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no matching mail to "
                                + address
                                + " within "
                                + timeout
                                + "; received: "
                                + messages(address).stream().map(Mail::describe).toList());
            }
            sleep(POLL);
        }
    }

    /** The newest message to {@code address} whose subject contains {@code subjectPart}. */
    public static Mail await(String address, String subjectPart, Duration timeout) {
        return await(address, mail -> mail.subject().contains(subjectPart), timeout);
    }

    /** Fails if a matching message to {@code address} arrives within {@code wait}. */
    public static void assertNoneWithin(String address, Predicate<Mail> match, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            for (Mail mail : messages(address)) {
                if (match.test(mail)) {
                    throw new AssertionError("unexpected mail " + mail.describe());
                }
            }
            sleep(POLL);
        } while (System.nanoTime() < deadline);
    }

    private static JsonNode forgeMail(String address) {
        if (System.getenv("FORGE_MAIL_DIR") == null) {
            throw new IllegalStateException(
                    "FORGE_MAIL_DIR is not set: run the tests with ./forge test, which starts the"
                            + " SMTP server");
        }
        Path forge = repositoryRoot().resolve("forge");
        try {
            Process process =
                    new ProcessBuilder(forge.toString(), "mail", "--json", "--to", address)
                            .redirectError(ProcessBuilder.Redirect.INHERIT)
                            .start();
            String out;
            try (InputStream stdout = process.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("./forge mail --json failed");
            }
            return MAPPER.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + forge, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading mail", e);
        }
    }

    /** The checkout this test runs in: the nearest directory up from here holding {@code forge}. */
    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.isExecutable(at.resolve("forge"))
                    && Files.isRegularFile(at.resolve("deploy/forge/mail.py"))) {
                return at;
            }
        }
        throw new IllegalStateException("no ./forge above " + dir);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mail", e);
        }
    }
}
