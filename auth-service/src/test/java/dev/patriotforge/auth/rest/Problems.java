package dev.patriotforge.auth.rest;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Assertions on problem documents. */
final class Problems {
    private Problems() {}

    static ValidatableResponse problem(Response response, int status, String code) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", endsWith("/" + code))
                .body("request_id", notNullValue());
    }

    /** A 401 with the challenge header. */
    static ValidatableResponse unauthorized(Response response, String code) {
        return problem(response, 401, code).header("WWW-Authenticate", "Bearer");
    }
}
