package dev.patriotforge.auth.hostile;

import static dev.patriotforge.testsupport.hostile.HostileBody.render;
import static dev.patriotforge.testsupport.hostile.HostileBody.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.testsupport.hostile.JsonLiteral;
import dev.patriotforge.testsupport.http.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every request body of the auth API, fuzzed: random JSON of every shape, wrong types for each
 * field, huge and empty strings, control characters and unusual Unicode (lone surrogates as
 * escapes), numbers far out of range, nesting deeper than 1000 levels, text that is not JSON or not
 * UTF-8, unknown and protected fields. Fields not being attacked hold acceptable values, so the
 * hostile ones reach the service and the database. Whatever comes back is never a 5xx, and every
 * 4xx is a problem document.
 */
@QuarkusTest
class BodyFuzzTest {
    private static final int SAMPLES = 20;

    private static Response send(RequestSpecification spec, String method, String path, byte[] b) {
        return spec.contentType("application/json").body(b).request(method, path);
    }

    private static String describe(String method, String path, byte[] body) {
        return method + " " + path + " " + shown(body);
    }

    @Test
    void hostileRegistrationBodiesAreAnsweredWithProblemDocumentsNeverServerErrors() {
        String name = "register bodies";
        Answers answers = new Answers(name);
        for (Object body :
                FuzzSeed.draw(
                        name, AuthHostile.bodies("email", "password", "display_name"), SAMPLES)) {
            byte[] bytes =
                    render(
                            body,
                            field ->
                                    switch (field) {
                                        case "email" -> Api.email("fuzz");
                                        case "password" -> Api.password();
                                        default -> "Fuzz Tester";
                                    });
            // A fresh client address per request: the per-IP registration limit stays out of it.
            answers.check(
                    describe("POST", "/api/auth/register", bytes),
                    send(Api.from(Api.ip()), "POST", "/api/auth/register", bytes));
        }
        answers.assertAllFine();
    }

    @Test
    void hostileLoginBodiesAreAnsweredWithProblemDocumentsNeverServerErrors() {
        String name = "login bodies";
        Api.Account account = Api.register("fuzz-login");
        Answers answers = new Answers(name);
        for (Object body : FuzzSeed.draw(name, AuthHostile.bodies("email", "password"), SAMPLES)) {
            byte[] bytes =
                    render(
                            body,
                            field -> "email".equals(field) ? account.email() : account.password());
            answers.check(
                    describe("POST", "/api/auth/login", bytes),
                    send(Api.from(Api.ip()), "POST", "/api/auth/login", bytes));
        }
        answers.assertAllFine();
    }

    @Test
    void hostileRefreshBodiesAreAnsweredWithProblemDocumentsNeverServerErrors() {
        String name = "refresh bodies";
        Api.Session session = Api.registerAndLogin("fuzz-refresh");
        String[] live = {session.refreshToken()};
        Answers answers = new Answers(name);
        for (Object body : FuzzSeed.draw(name, AuthHostile.bodies("refresh_token"), SAMPLES)) {
            byte[] bytes = render(body, field -> live[0]);
            Response r =
                    answers.check(
                            describe("POST", "/api/auth/refresh", bytes),
                            send(Api.from(Api.ip()), "POST", "/api/auth/refresh", bytes));
            if (r.statusCode() == 200) {
                live[0] = r.path("refresh_token");
            }
        }
        answers.assertAllFine();
    }

    @Test
    void hostilePatchMeBodiesAreAnsweredWithProblemDocumentsNeverServerErrors() {
        String name = "PATCH /me bodies";
        Api.Session session = Api.registerAndLogin("fuzz-me");
        Answers answers = new Answers(name);
        for (Object body : FuzzSeed.draw(name, AuthHostile.bodies("display_name"), SAMPLES)) {
            byte[] bytes = render(body, field -> "Fuzzed Name");
            answers.check(
                    describe("PATCH", "/api/auth/me", bytes),
                    send(Api.bearer(session.accessToken()), "PATCH", "/api/auth/me", bytes));
        }
        answers.assertAllFine();
    }

    @Test
    void hostilePasswordChangeBodiesAreAnsweredWithProblemDocumentsNeverServerErrors() {
        String name = "POST /password bodies";
        Api.Account account = Api.register("fuzz-password");
        Api.Session[] session = {Api.login(account)};
        String[] password = {account.password()};
        Answers answers = new Answers(name);
        for (Object body :
                FuzzSeed.draw(
                        name, AuthHostile.bodies("current_password", "new_password"), SAMPLES)) {
            Map<String, Object> used = new HashMap<>();
            Function<String, Object> valid =
                    field ->
                            used.computeIfAbsent(
                                    field,
                                    f ->
                                            "current_password".equals(f)
                                                    ? password[0]
                                                    : Api.password());
            byte[] bytes = render(body, valid);
            Response r =
                    answers.check(
                            describe("POST", "/api/auth/password", bytes),
                            send(
                                    Api.bearer(session[0].accessToken()),
                                    "POST",
                                    "/api/auth/password",
                                    bytes));
            if (r.statusCode() == 204) {
                // The change ended every session: carry on with the new password.
                password[0] = (String) used.get("new_password");
                session[0] =
                        Api.login(
                                new Api.Account(
                                        account.id(), account.email(), password[0], Api.ip()));
            }
        }
        answers.assertAllFine();
    }

    @Test
    void hostileRoleChangeBodiesAreAnsweredWithProblemDocumentsNeverServerErrors() {
        String name = "PATCH /users/{id} bodies";
        Api.Session admin = Admins.boss();
        Api.Account target = Api.register("fuzz-role");
        Answers answers = new Answers(name);
        for (Object body : FuzzSeed.draw(name, AuthHostile.bodies("role"), SAMPLES)) {
            byte[] bytes = render(body, field -> "staff");
            String path = "/api/auth/users/" + target.id();
            answers.check(
                    describe("PATCH", path, bytes),
                    send(Api.bearer(admin.accessToken()), "PATCH", path, bytes));
        }
        answers.assertAllFine();
    }

    @Test
    void aMemberNamedTwiceIsAMalformedBodyAtEveryEndpoint() {
        Api.Session session = Api.registerAndLogin("twice");
        Api.Session admin = Admins.boss();
        String users = "/api/auth/users/" + session.account().id();
        for (String[] call :
                new String[][] {
                    {
                        "POST",
                        "/api/auth/register",
                        "",
                        "{\"email\":\""
                                + Api.email("twice")
                                + "\",\"password\":\""
                                + Api.password()
                                + "\",\"display_name\":\"A\",\"display_name\":\"B\"}"
                    },
                    {
                        "POST",
                        "/api/auth/login",
                        "",
                        "{\"email\":\"a@b.co\",\"password\":\"x\"," + "\"password\":\"y\"}"
                    },
                    {
                        "POST",
                        "/api/auth/refresh",
                        "",
                        "{\"refresh_token\":\"x\",\"refresh_token\":\"y\"}"
                    },
                    {
                        "PATCH",
                        "/api/auth/me",
                        session.accessToken(),
                        "{\"display_name\":\"A\",\"display_name\":\"B\"}"
                    },
                    {
                        "POST",
                        "/api/auth/password",
                        session.accessToken(),
                        "{\"current_password\":\"x\",\"new_password\":\"y\",\"new_password\":\"z\"}"
                    },
                    {"PATCH", users, admin.accessToken(), "{\"role\":\"staff\",\"role\":\"admin\"}"}
                }) {
            RequestSpecification spec =
                    call[2].isEmpty() ? Api.from(Api.ip()) : Api.bearer(call[2]);
            send(spec, call[0], call[1], call[3].getBytes(StandardCharsets.UTF_8))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("malformed_request"));
        }
        Api.bearer(admin.accessToken()).get(users).then().body("role", equalTo("customer"));
    }

    @Test
    void aDisplayNameIsStoredExactlyAsAnsweredOrRefused() {
        Api.Session session = Api.registerAndLogin("unicode-name");
        for (String name :
                List.of(
                        "e\u0301",
                        "\uD83D\uDE00 Ann \uD83D\uDC68\u200D\uD83D\uDC69",
                        "\u202Egpj.exe",
                        "\u01C5\u0130\u0131",
                        "\uFFFF\uFFFE",
                        "\u4E2D\u6587")) {
            String answered =
                    Api.bearer(session.accessToken())
                            .contentType("application/json")
                            .body(utf8(name))
                            .patch("/api/auth/me")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("display_name");
            String stored =
                    Api.bearer(session.accessToken()).get("/api/auth/me").path("display_name");
            assertThat(stored).isEqualTo(answered).isEqualTo(name);
        }
        // JSON can name a lone surrogate (an escape), UTF-8 and PostgreSQL cannot hold one.
        for (String name : List.of("a\uD800b", "\uDC00", "x\uDBFF")) {
            Api.bearer(session.accessToken())
                    .contentType("application/json")
                    .body(utf8(name))
                    .patch("/api/auth/me")
                    .then()
                    .statusCode(422)
                    .body("code", equalTo("validation_failed"))
                    .body("errors.field", hasItem("display_name"));
            Api.from(Api.ip())
                    .contentType("application/json")
                    .body(
                            ("{\"email\":\""
                                            + Api.email("surrogate")
                                            + "\",\"password\":\""
                                            + Api.password()
                                            + "\",\"display_name\":"
                                            + jsonString(name)
                                            + "}")
                                    .getBytes(StandardCharsets.UTF_8))
                    .post("/api/auth/register")
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem("display_name"));
        }
    }

    /** {@code {"display_name": <name>}} with unpaired surrogates as escapes. */
    private static byte[] utf8(String displayName) {
        return ("{\"display_name\":" + jsonString(displayName) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonString(String s) {
        return JsonLiteral.string(s);
    }

    /** Strings that reach the database or the hasher when they sit in the right field. */
    static final List<String> SWEEP =
            List.of(
                    "BOOTSTRAP-ADMIN@forge.test\u0000",
                    "a\uD800b",
                    "x\uDBFF\uDBFFy\uDC00",
                    "\u202Egpj.exe\u0085\u2028",
                    "",
                    "\uFFFF\uFFFE",
                    "\uD83D\uDE00".repeat(50),
                    "x".repeat(70_000));

    @Test
    void eachFieldHoldingEachNastyStringIsAnsweredCleanly() {
        Api.Account account = Api.register("sweep");
        Api.Session[] session = {Api.login(account)};
        Api.Session admin = Admins.boss();
        Api.Account target = Api.register("sweep-target");
        Answers answers = new Answers("nasty strings in every field");
        record Endpoint(String method, String path, List<String> fields, boolean asUser) {}
        List<Endpoint> endpoints =
                List.of(
                        new Endpoint(
                                "POST",
                                "/api/auth/register",
                                List.of("email", "password", "display_name"),
                                false),
                        new Endpoint(
                                "POST", "/api/auth/login", List.of("email", "password"), false),
                        new Endpoint("POST", "/api/auth/refresh", List.of("refresh_token"), false),
                        new Endpoint("PATCH", "/api/auth/me", List.of("display_name"), true),
                        new Endpoint(
                                "POST",
                                "/api/auth/password",
                                List.of("current_password", "new_password"),
                                true),
                        new Endpoint(
                                "PATCH", "/api/auth/users/" + target.id(), List.of("role"), false));
        for (Endpoint endpoint : endpoints) {
            for (String attacked : endpoint.fields()) {
                for (String nasty : SWEEP) {
                    StringBuilder json = new StringBuilder("{");
                    for (String field : endpoint.fields()) {
                        if (json.length() > 1) {
                            json.append(',');
                        }
                        json.append(JsonLiteral.string(field))
                                .append(':')
                                .append(
                                        JsonLiteral.string(
                                                field.equals(attacked)
                                                        ? nasty
                                                        : acceptable(
                                                                endpoint.path(),
                                                                field,
                                                                account,
                                                                session[0])));
                    }
                    byte[] body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
                    RequestSpecification spec =
                            endpoint.path().startsWith("/api/auth/users/")
                                    ? Api.bearer(admin.accessToken())
                                    : endpoint.asUser()
                                            ? Api.bearer(session[0].accessToken())
                                            : Api.from(Api.ip());
                    Response r =
                            answers.check(
                                    describe(endpoint.method(), endpoint.path(), body),
                                    send(spec, endpoint.method(), endpoint.path(), body));
                    if (r.statusCode() == 200 && r.path("refresh_token") != null) {
                        session[0] =
                                new Api.Session(
                                        account,
                                        r.path("access_token"),
                                        r.path("refresh_token"),
                                        Api.sidOf(r.path("access_token")));
                    }
                }
            }
        }
        answers.assertAllFine();
    }

    private static String acceptable(
            String path, String field, Api.Account account, Api.Session session) {
        return switch (field) {
            case "email" -> path.endsWith("/register") ? Api.email("sweep") : account.email();
            case "password", "current_password" -> account.password();
            case "new_password" -> Api.password();
            case "refresh_token" -> session.refreshToken();
            case "role" -> "staff";
            default -> "Sweep Tester";
        };
    }

    @Test
    void oddContentTypesAndOversizedBodiesAreProblemDocuments() {
        Api.Session session = Api.registerAndLogin("fuzz-types");
        Api.Session admin = Admins.boss();
        Answers answers = new Answers("content types and sizes");
        List<String> types =
                List.of(
                        "application/json; charset=utf-16",
                        "application/json; charset=no-such-charset",
                        "application/json; charset=\"",
                        "application/x-www-form-urlencoded",
                        "text/plain",
                        "application/",
                        "",
                        RawHttp.utf8AsLatin1("application/json; charset=\u00e9\u202e"));
        byte[] small = "{\"display_name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        ContentTypeProbe.check(
                answers,
                new String[][] {
                    {"POST", "/api/auth/register", null},
                    {"POST", "/api/auth/login", null},
                    {"POST", "/api/auth/refresh", null},
                    {"PATCH", "/api/auth/me", session.accessToken()},
                    {"POST", "/api/auth/password", session.accessToken()},
                    {"PATCH", "/api/auth/users/" + session.account().id(), admin.accessToken()}
                },
                types,
                small);
    }
}
