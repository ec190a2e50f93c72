package dev.patriotforge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Assertions on RFC 9457 problem documents (CONTRACT.md section 1): the status, {@code
 * application/problem+json}, {@code status} and {@code code} fields, a {@code type} that is the
 * contract's base and the code, a {@code title}, and the {@code request_id} of the X-Request-Id
 * header.
 */
public final class Problems {
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String TYPE_BASE = "https://patriotforge.dev/problems/";

    private Problems() {}

    /** Asserts the problem document and hands back the answer for further REST Assured checks. */
    public static ValidatableResponse problem(Response response, int status, String code) {
        assertProblem(response, status, code);
        return response.then();
    }

    /** A 401 problem with the challenge header. */
    public static ValidatableResponse unauthorized(Response response, String code) {
        return problem(response, 401, code).header("WWW-Authenticate", "Bearer");
    }

    public static void assertProblem(Response response, int status, String code) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(status);
        assertProblemType(response.contentType());
        JsonPath json = JsonPath.from(body);
        assertThat(json.getString("code")).as("code of %s", body).isEqualTo(code);
        assertThat(json.getInt("status")).as("status field").isEqualTo(status);
        assertThat(json.getString("type")).as("type").isEqualTo(TYPE_BASE + code);
        assertThat(json.getString("request_id"))
                .as("request_id")
                .isNotBlank()
                .isEqualTo(response.header("X-Request-Id"));
    }

    /** Asserts a problem document sent back to a raw request; every field of it is checked. */
    public static JsonPath assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
        assertProblemType(response.headers().firstValue("Content-Type").orElse(null));
        JsonPath body = JsonPath.from(response.body());
        assertThat(body.getString("type")).isEqualTo(TYPE_BASE + code);
        assertThat(body.getString("code")).isEqualTo(code);
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("title")).isNotBlank();
        assertThat(body.getString("detail")).isNotBlank();
        assertThat(body.getString("instance")).startsWith("/");
        assertThat(body.getString("request_id"))
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return body;
    }

    /** 503 {@code dependency_unavailable} with a positive {@code Retry-After} in seconds. */
    public static void assertDependencyUnavailable(Response response) {
        assertProblem(response, 503, "dependency_unavailable");
        assertRetryAfter(response);
    }

    public static void assertRetryAfter(Response response) {
        String retryAfter = response.header("Retry-After");
        assertThat(retryAfter).as("Retry-After").isNotNull().containsOnlyDigits();
        assertThat(Long.parseLong(retryAfter)).as("Retry-After").isPositive();
    }

    private static void assertProblemType(String contentType) {
        assertThat(contentType).as("content type").isNotNull();
        assertThat(contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .as("content type")
                .isEqualTo(PROBLEM_JSON);
    }
}
