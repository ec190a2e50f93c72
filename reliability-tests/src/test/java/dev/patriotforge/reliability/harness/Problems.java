package dev.patriotforge.reliability.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** Assertions on RFC 9457 problem documents (CONTRACT.md section 1). */
public final class Problems {
    private Problems() {}

    public static void assertProblem(Response response, int status, String code) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(status);
        assertThat(response.contentType())
                .as("content type")
                .startsWith("application/problem+json");
        assertThat(response.<String>path("code")).as("code of %s", body).isEqualTo(code);
        assertThat(response.<Integer>path("status")).as("status field").isEqualTo(status);
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
}
