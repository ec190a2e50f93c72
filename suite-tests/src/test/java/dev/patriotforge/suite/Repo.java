package dev.patriotforge.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's own files, read by the tests that check what the gateway serves against its
 * sources: the error codes of shared-domain, the gateway's problem documents, the catalogue.
 */
final class Repo {
    private static final String ERRORS =
            "shared-domain/src/main/java/dev/patriotforge/shared/error";

    private Repo() {}

    /** The repository root: the parent of this module's directory (where failsafe runs). */
    static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("forge")).as("the repository root").isRegularFile();
        return root;
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every code the services can answer with its HTTP status: the constants of {@code ErrorCodes}
     * and, through each error class, the status of its {@code ErrorCategory}.
     */
    static Map<String, Integer> serviceCodes() {
        Map<String, String> constants =
                matches(
                        read(ERRORS + "/ErrorCodes.java"),
                        "public static final String ([A-Z_]+) = \"([a-z_]+)\";");
        Map<String, String> statuses =
                matches(read(ERRORS + "/ErrorCategory.java"), "^\\s+([A-Z_]+)\\((\\d{3})\\)[,;]");
        Map<String, Integer> codes = new LinkedHashMap<>();
        Pattern code = Pattern.compile("ErrorCodes\\.([A-Z_]+)");
        Pattern category = Pattern.compile("ErrorCategory\\.([A-Z_]+)");
        for (Path file : errorClasses()) {
            String source = readPath(file);
            List<String> used = code.matcher(source).results().map(m -> m.group(1)).toList();
            List<String> kinds = category.matcher(source).results().map(m -> m.group(1)).toList();
            if (used.isEmpty() || file.endsWith("ErrorCodes.java")) {
                continue;
            }
            assertThat(used.stream().distinct()).as("codes in %s", file).hasSize(1);
            assertThat(kinds.stream().distinct()).as("categories in %s", file).hasSize(1);
            int status = Integer.parseInt(statuses.get(kinds.get(0)));
            codes.put(constants.get(used.get(0)), status);
        }
        assertThat(codes.keySet())
                .as("every ErrorCodes constant is the code of an error class")
                .containsExactlyInAnyOrderElementsOf(constants.values());
        return codes;
    }

    /** Every problem document of the gateway's own (its code, status and type). */
    static Map<String, Integer> gatewayCodes() {
        String template = read("deploy/gateway/problems.conf.template");
        Matcher m =
                Pattern.compile(
                                "return (\\d{3})"
                                    + " '\\{\"type\":\"https://patriotforge.dev/problems/([a-z_]+)\""
                                    + "[^']*\"code\":\"([a-z_]+)\"")
                        .matcher(template);
        Map<String, Integer> codes = new LinkedHashMap<>();
        while (m.find()) {
            assertThat(m.group(2))
                    .as("the type of %s ends in its code", m.group(3))
                    .isEqualTo(m.group(3));
            codes.put(m.group(3), Integer.parseInt(m.group(1)));
        }
        assertThat(codes).as("problem documents in problems.conf.template").isNotEmpty();
        assertThat(template.split("return \\d{3} '", -1).length - 1)
                .as("every return in problems.conf.template is a problem document")
                .isEqualTo(codes.size());
        return codes;
    }

    /** The rows of docs/errors.md: code and status. */
    static Map<String, Integer> catalogue() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        matches(read("docs/errors.md"), "^\\| `([a-z_]+)` \\| (\\d{3}) \\|")
                .forEach((code, status) -> rows.put(code, Integer.parseInt(status)));
        return rows;
    }

    private static List<Path> errorClasses() {
        try (Stream<Path> files = Files.list(root().resolve(ERRORS))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readPath(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> matches(String text, String regex) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }
}
