package dev.patriotforge.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The rule of CONTRACT.md section 1 for one answer to a raw request, as a sentence for a failure
 * message: a 4xx is an {@code application/problem+json} document whose {@code status} is the HTTP
 * status, whose {@code code} is a snake_case word, whose {@code type} ends in the code and whose
 * {@code request_id} is the X-Request-Id header. The hostile tests of both services collect these.
 */
public final class ProblemAnswers {
    private static final Pattern CODE = Pattern.compile("[a-z]+(_[a-z]+)*");

    private ProblemAnswers() {}

    /**
     * What is wrong with {@code response} as a problem document, or null when nothing is. A HEAD
     * answer has no body: only its content type is checked.
     */
    public static String violation(RawHttp.Response response, boolean head) {
        int status = response.status();
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "a " + status + " without application/problem+json (Content-Type " + type + ")";
        }
        if (head) {
            return null;
        }
        JsonNode problem = response.json();
        if (problem == null || !problem.isObject()) {
            return "the problem document is not a JSON object";
        }
        if (!problem.path("status").isInt() || problem.path("status").asInt() != status) {
            return "problem status " + problem.path("status") + " is not the HTTP status";
        }
        String code = problem.path("code").asText("");
        if (!CODE.matcher(code).matches()) {
            return "problem code is not a snake_case word";
        }
        if (!problem.path("type").asText("").endsWith("/" + code)) {
            return "problem type does not end in the code";
        }
        String requestId = problem.path("request_id").asText("");
        if (requestId.isBlank() || !requestId.equals(response.header("X-Request-Id"))) {
            return "request_id missing or not the X-Request-Id header";
        }
        return null;
    }
}
