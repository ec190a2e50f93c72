package dev.patriotforge.auth.hostile;

import static dev.patriotforge.testsupport.hostile.HostileBody.render;
import static dev.patriotforge.testsupport.hostile.HostileBody.shown;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.Authenticator;
import dev.patriotforge.testsupport.hostile.JsonLiteral;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The request bodies of two-step login (contract 2.2), fuzzed like those of {@link BodyFuzzTest}:
 * {@code POST /mfa/totp/confirm {code}}, {@code DELETE /mfa/totp {current_password}}, {@code POST
 * /login/mfa {mfa_token, code}}, and the bodiless {@code POST /mfa/totp} and admin {@code DELETE
 * /users/{id}/mfa} given bodies anyway. Fields not attacked hold live values (the current code, the
 * password, a live mfa_token), so hostile ones reach the service. Never a 5xx; every 4xx is a
 * problem document (a lockout, 429, included).
 */
@QuarkusTest
class MfaBodyFuzzTest {
    private static final int SAMPLES = 20;
    private static final String ENROL = "/api/auth/mfa/totp";
    private static final String CONFIRM = "/api/auth/mfa/totp/confirm";
    private static final String SECOND_STEP = "/api/auth/login/mfa";

    private static Response send(RequestSpecification spec, String method, String path, byte[] b) {
        return spec.contentType("application/json").body(b).request(method, path);
    }

    private static String describe(String method, String path, byte[] body) {
        return method + " " + path + " " + shown(body);
    }

    /** Starts an enrolment (TOTP not on yet) and returns the app holding its secret. */
    private static Authenticator enrol(Api.Session session) {
        Response r = Api.bearer(session.accessToken()).post(ENROL);
        r.then().statusCode(200);
        return new Authenticator(r.path("secret"));
    }

    private static void turnOff(Api.Session session) {
        Api.bearer(session.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", session.account().password()))
                .delete(ENROL)
                .then()
                .statusCode(204);
    }

    /** The mfa_token of a right password, or {@code fallback} once the account is locked out. */
    private static String mfaToken(Api.Account account, String fallback) {
        Response r = Api.loginResponse(account.email(), account.password(), Api.ip());
        return r.statusCode() == 200 ? r.path("mfa_token") : fallback;
    }

    @Test
    void hostileConfirmBodiesAreAnsweredWithProblemDocumentsNeverServerErrors() {
        String name = "POST /mfa/totp/confirm bodies";
        Api.Session session = Api.registerAndLogin("fuzz-confirm");
        Authenticator[] app = {enrol(session)};
        Answers answers = new Answers(name);
        for (Object body : FuzzSeed.draw(name, AuthHostile.bodies("code"), SAMPLES)) {
            byte[] bytes = render(body, field -> app[0].unusedCode());
            Response r =
                    answers.check(
                            describe("POST", CONFIRM, bytes),
                            send(Api.bearer(session.accessToken()), "POST", CONFIRM, bytes));
            if (r.statusCode() == 200) {
                // TOTP is on: off again, and a new enrolment to confirm.
                turnOff(session);
                app[0] = enrol(session);
            }
        }
        answers.assertAllFine();
    }

    @Test
    void hostileTurnOffBodiesAreAnsweredWithProblemDocumentsNeverServerErrors() {
        String name = "DELETE /mfa/totp bodies";
        Api.Session session = Api.registerAndLogin("fuzz-mfa-off");
        Authenticator.enrolAndConfirm(session.accessToken());
        Answers answers = new Answers(name);
        for (Object body : FuzzSeed.draw(name, AuthHostile.bodies("current_password"), SAMPLES)) {
            byte[] bytes = render(body, field -> session.account().password());
            Response r =
                    answers.check(
                            describe("DELETE", ENROL, bytes),
                            send(Api.bearer(session.accessToken()), "DELETE", ENROL, bytes));
            if (r.statusCode() == 204) {
                Authenticator.enrolAndConfirm(session.accessToken());
            }
        }
        answers.assertAllFine();
    }

    @Test
    void hostileSecondStepBodiesAreAnsweredWithProblemDocumentsNeverServerErrors() {
        String name = "POST /login/mfa bodies";
        Api.Session session = Api.registerAndLogin("fuzz-login-mfa");
        Authenticator app = Authenticator.enrolAndConfirm(session.accessToken()).app();
        String[] token = {mfaToken(session.account(), null)};
        Answers answers = new Answers(name);
        for (Object body : FuzzSeed.draw(name, AuthHostile.bodies("mfa_token", "code"), SAMPLES)) {
            Function<String, Object> live =
                    field -> "mfa_token".equals(field) ? token[0] : app.unusedCode();
            byte[] bytes = render(body, live);
            Response r =
                    answers.check(
                            describe("POST", SECOND_STEP, bytes),
                            send(Api.from(Api.ip()), "POST", SECOND_STEP, bytes));
            if (r.statusCode() == 200) {
                // The token is spent (and the code's step used): a new first step.
                token[0] = mfaToken(session.account(), token[0]);
            }
        }
        answers.assertAllFine();
    }

    @Test
    void eachMfaFieldHoldingEachNastyStringIsAnsweredCleanly() {
        Api.Session session = Api.registerAndLogin("fuzz-mfa-sweep");
        Authenticator app = enrol(session);
        Api.Session enrolled = Api.registerAndLogin("fuzz-mfa-sweep-on");
        Authenticator on = Authenticator.enrolAndConfirm(enrolled.accessToken()).app();
        String token = mfaToken(enrolled.account(), "no-token");
        Map<String, String> acceptable =
                Map.of(
                        "code", app.unusedCode(),
                        "current_password", session.account().password(),
                        "mfa_token", token);
        record Endpoint(String method, String path, List<String> fields, Api.Session as) {}
        Answers answers = new Answers("nasty strings in every MFA field");
        for (Endpoint endpoint :
                List.of(
                        new Endpoint("POST", CONFIRM, List.of("code"), session),
                        new Endpoint("DELETE", ENROL, List.of("current_password"), enrolled),
                        new Endpoint("POST", SECOND_STEP, List.of("mfa_token", "code"), null))) {
            for (String attacked : endpoint.fields()) {
                for (String nasty : BodyFuzzTest.SWEEP) {
                    StringBuilder json = new StringBuilder("{");
                    for (String field : endpoint.fields()) {
                        if (json.length() > 1) {
                            json.append(',');
                        }
                        String value =
                                field.equals(attacked)
                                        ? nasty
                                        : endpoint.as() == null && "code".equals(field)
                                                ? on.unusedCode()
                                                : acceptable.get(field);
                        json.append(JsonLiteral.string(field))
                                .append(':')
                                .append(JsonLiteral.string(value));
                    }
                    byte[] body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
                    RequestSpecification spec =
                            endpoint.as() == null
                                    ? Api.from(Api.ip())
                                    : Api.bearer(endpoint.as().accessToken());
                    answers.check(
                            describe(endpoint.method(), endpoint.path(), body),
                            send(spec, endpoint.method(), endpoint.path(), body));
                }
            }
        }
        answers.assertAllFine();
    }

    @Test
    void bodilessMfaEndpointsGivenHostileBodiesAnswerCleanly() {
        String name = "bodies for POST /mfa/totp and DELETE /users/{id}/mfa";
        Api.Session user = Api.registerAndLogin("fuzz-mfa-bodiless");
        Api.Session target = Api.registerAndLogin("fuzz-mfa-reset");
        Authenticator.enrolAndConfirm(target.accessToken());
        String reset = "/api/auth/users/" + target.account().id() + "/mfa";
        Api.Session admin = Admins.boss();
        Answers answers = new Answers(name);
        for (Object body : FuzzSeed.draw(name, AuthHostile.bodies("code"), SAMPLES)) {
            byte[] bytes = render(body, field -> "123456");
            answers.check(
                    describe("POST", ENROL, bytes),
                    send(Api.bearer(user.accessToken()), "POST", ENROL, bytes));
            answers.check(
                    describe("DELETE", reset, bytes),
                    send(Api.bearer(admin.accessToken()), "DELETE", reset, bytes));
        }
        answers.assertAllFine();
    }

    @Test
    void oddContentTypesAndOversizedBodiesAreProblemDocuments() {
        Api.Session session = Api.registerAndLogin("fuzz-mfa-types");
        Api.Session admin = Admins.boss();
        Answers answers = new Answers("MFA content types and sizes");
        List<String> types =
                List.of(
                        "application/json; charset=utf-16",
                        "application/json; charset=no-such-charset",
                        "application/x-www-form-urlencoded",
                        "text/plain",
                        "application/",
                        "");
        byte[] small = "{\"code\":\"123456\"}".getBytes(StandardCharsets.UTF_8);
        String reset = "/api/auth/users/" + session.account().id() + "/mfa";
        ContentTypeProbe.check(
                answers,
                new String[][] {
                    {"POST", ENROL, session.accessToken()},
                    {"POST", CONFIRM, session.accessToken()},
                    {"DELETE", ENROL, session.accessToken()},
                    {"POST", SECOND_STEP, null},
                    {"DELETE", reset, admin.accessToken()}
                },
                types,
                small);
    }
}
