package dev.patriotforge.auth.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Every auth endpoint, called by each kind of caller, on the caller's own and on another user's
 * resources, with the exact status the contract gives: public endpoints answer everyone (a bearer
 * token there is ignored); bearer endpoints need a live token (401 {@code unauthenticated} without,
 * 401 {@code token_revoked} with the token of a logged-out or deleted account); admin endpoints are
 * 403 {@code forbidden} for customers and staff; someone else's session is 404. The revoked and
 * deleted callers are admins, so a check that looked at the role alone would let them through.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Caller {
        CUSTOMER,
        STAFF,
        ADMIN,
        ANONYMOUS,
        REVOKED_ADMIN,
        DELETED_ADMIN;

        boolean live() {
            return this == CUSTOMER || this == STAFF || this == ADMIN;
        }
    }

    /** Who may call an endpoint. */
    enum Rule {
        ANYONE,
        BEARER,
        ADMIN_ONLY,
        OTHERS_SESSION
    }

    record Expected(int status, String code) {
        @Override
        public String toString() {
            return code == null ? Integer.toString(status) : status + " " + code;
        }
    }

    static Expected expected(Rule rule, Caller caller, int success) {
        if (rule == Rule.ANYONE) {
            return new Expected(success, null);
        }
        if (caller == Caller.ANONYMOUS) {
            return new Expected(401, "unauthenticated");
        }
        if (!caller.live()) {
            return new Expected(401, "token_revoked");
        }
        return switch (rule) {
            case ADMIN_ONLY ->
                    caller == Caller.ADMIN
                            ? new Expected(success, null)
                            : new Expected(403, "forbidden");
            case OTHERS_SESSION -> new Expected(404, "not_found");
            default -> new Expected(success, null);
        };
    }

    /** A caller of some kind: its session, or null when anonymous. */
    private record Who(Caller kind, Api.Session session) {
        RequestSpecification spec() {
            return session == null
                    ? RestAssured.given().header("X-Forwarded-For", Api.ip())
                    : Api.bearer(session.accessToken());
        }

        String ownId() {
            return session == null ? UUID.randomUUID().toString() : session.account().id();
        }
    }

    private record Cell(
            String endpoint, Rule rule, int success, BiFunction<Who, Fixture, Response> call) {}

    /** The other user (a customer with a live session) and the admin that sets things up. */
    private record Fixture(Api.Session boss, Api.Session other, Api.Account spare) {}

    private final List<String> mismatches = new ArrayList<>();
    private final Map<String, Map<Caller, String>> table = new LinkedHashMap<>();
    private final Answers answers = new Answers("authorization matrix");

    private static Who make(Caller kind, Api.Session boss) {
        return switch (kind) {
            case CUSTOMER -> new Who(kind, Admins.withRole("mx-customer", "customer"));
            case STAFF -> new Who(kind, Admins.withRole("mx-staff", "staff"));
            case ADMIN -> new Who(kind, Admins.withRole("mx-admin", "admin"));
            case ANONYMOUS -> new Who(kind, null);
            case REVOKED_ADMIN -> {
                Api.Session s = Admins.withRole("mx-revoked", "admin");
                Api.bearer(s.accessToken()).post("/api/auth/logout").then().statusCode(204);
                yield new Who(kind, s);
            }
            case DELETED_ADMIN -> {
                Api.Session s = Admins.withRole("mx-deleted", "admin");
                Api.bearer(boss.accessToken())
                        .delete("/api/auth/users/" + s.account().id())
                        .then()
                        .statusCode(204);
                yield new Who(kind, s);
            }
        };
    }

    private void verify(Cell cell, Who who, Fixture fixture) {
        Expected want = expected(cell.rule(), who.kind(), cell.success());
        Response r =
                answers.check(who.kind() + " " + cell.endpoint(), cell.call().apply(who, fixture));
        String code = r.statusCode() >= 400 ? JsonPath.from(r.asString()).getString("code") : null;
        Expected got = new Expected(r.statusCode(), code);
        table.computeIfAbsent(cell.endpoint(), e -> new EnumMap<>(Caller.class))
                .put(who.kind(), got.toString());
        if (!got.equals(want)) {
            mismatches.add(
                    who.kind() + " " + cell.endpoint() + ": expected " + want + ", got " + got);
        }
    }

    private static final String USERS = "/api/auth/users/";

    /** Cells that leave the caller's session usable. */
    private static List<Cell> lasting() {
        return List.of(
                new Cell(
                        "GET /.well-known/jwks.json",
                        Rule.ANYONE,
                        200,
                        (w, f) -> w.spec().get("/api/auth/.well-known/jwks.json")),
                new Cell(
                        "GET /.well-known/openid-configuration",
                        Rule.ANYONE,
                        200,
                        (w, f) -> w.spec().get("/api/auth/.well-known/openid-configuration")),
                new Cell(
                        "POST /register",
                        Rule.ANYONE,
                        201,
                        (w, f) ->
                                w.spec()
                                        .contentType(ContentType.JSON)
                                        .body(
                                                Map.of(
                                                        "email", Api.email("mx-new"),
                                                        "password", Api.password(),
                                                        "display_name", "New"))
                                        .post("/api/auth/register")),
                new Cell(
                        "POST /login (another account's credentials)",
                        Rule.ANYONE,
                        200,
                        (w, f) ->
                                w.spec()
                                        .contentType(ContentType.JSON)
                                        .body(
                                                Map.of(
                                                        "email", f.spare().email(),
                                                        "password", f.spare().password()))
                                        .post("/api/auth/login")),
                new Cell("GET /me", Rule.BEARER, 200, (w, f) -> w.spec().get("/api/auth/me")),
                new Cell(
                        "PATCH /me",
                        Rule.BEARER,
                        200,
                        (w, f) ->
                                w.spec()
                                        .contentType(ContentType.JSON)
                                        .body(Map.of("display_name", "Renamed"))
                                        .patch("/api/auth/me")),
                new Cell(
                        "GET /sessions",
                        Rule.BEARER,
                        200,
                        (w, f) -> w.spec().get("/api/auth/sessions")),
                new Cell(
                        "DELETE /sessions/{another user's}",
                        Rule.OTHERS_SESSION,
                        204,
                        (w, f) -> w.spec().delete("/api/auth/sessions/" + f.other().sid())),
                new Cell(
                        "DELETE /sessions/{unknown}",
                        Rule.OTHERS_SESSION,
                        204,
                        (w, f) -> w.spec().delete("/api/auth/sessions/" + UUID.randomUUID())),
                new Cell(
                        "GET /users",
                        Rule.ADMIN_ONLY,
                        200,
                        (w, f) -> w.spec().get("/api/auth/users")),
                new Cell(
                        "GET /users/{own}",
                        Rule.ADMIN_ONLY,
                        200,
                        (w, f) -> w.spec().get(USERS + w.ownId())),
                new Cell(
                        "GET /users/{another}",
                        Rule.ADMIN_ONLY,
                        200,
                        (w, f) -> w.spec().get(USERS + f.other().account().id())),
                new Cell(
                        "PATCH /users/{another} (its current role)",
                        Rule.ADMIN_ONLY,
                        200,
                        (w, f) ->
                                w.spec()
                                        .contentType(ContentType.JSON)
                                        .body(Map.of("role", "customer"))
                                        .patch(USERS + f.other().account().id())),
                new Cell(
                        "PATCH /users/{own} to its own role, or admin",
                        Rule.ADMIN_ONLY,
                        200,
                        (w, f) ->
                                w.spec()
                                        .contentType(ContentType.JSON)
                                        .body(Map.of("role", "admin"))
                                        .patch(USERS + w.ownId())),
                new Cell(
                        "POST /refresh (own refresh token)",
                        Rule.BEARER,
                        200,
                        (w, f) ->
                                RestAssured.given()
                                        .header("X-Forwarded-For", Api.ip())
                                        .contentType(ContentType.JSON)
                                        .body(
                                                w.session() == null
                                                        ? Map.of()
                                                        : Map.of(
                                                                "refresh_token",
                                                                w.session().refreshToken()))
                                        .post("/api/auth/refresh")));
    }

    @Test
    void eachCallerGetsExactlyTheStatusTheContractGivesOnEveryEndpoint() {
        Api.Session boss = Admins.boss();
        Fixture fixture =
                new Fixture(boss, Api.registerAndLogin("mx-other"), Api.register("mx-spare"));
        Map<Caller, Who> callers = new EnumMap<>(Caller.class);
        for (Caller kind : Caller.values()) {
            callers.put(kind, make(kind, boss));
        }

        // Customers and staff may not delete users, their own account included.
        for (Who who : callers.values()) {
            if (who.kind() != Caller.ADMIN) {
                verify(
                        new Cell(
                                "DELETE /users/{another}",
                                Rule.ADMIN_ONLY,
                                204,
                                (w, f) -> w.spec().delete(USERS + f.other().account().id())),
                        who,
                        fixture);
                verify(
                        new Cell(
                                "DELETE /users/{own}",
                                Rule.ADMIN_ONLY,
                                204,
                                (w, f) -> w.spec().delete(USERS + w.ownId())),
                        who,
                        fixture);
            }
        }
        for (Cell cell : lasting()) {
            for (Who who : callers.values()) {
                verify(cell, who, fixture);
            }
        }

        // Cells that end the caller's session or account come last, each on a session of its own.
        for (Who who : callers.values()) {
            Who second = relogin(who);
            verify(
                    new Cell(
                            "DELETE /sessions/{own, another of the caller's}",
                            Rule.BEARER,
                            204,
                            (w, f) ->
                                    w.spec()
                                            .delete(
                                                    "/api/auth/sessions/"
                                                            + (w.kind().live()
                                                                    ? second.session().sid()
                                                                    : ownSid(w)))),
                    who,
                    fixture);
            verify(
                    new Cell(
                            "POST /logout",
                            Rule.BEARER,
                            204,
                            (w, f) -> w.spec().post("/api/auth/logout")),
                    who,
                    fixture);
            verify(
                    new Cell(
                            "POST /logout-all",
                            Rule.BEARER,
                            204,
                            (w, f) -> w.spec().post("/api/auth/logout-all")),
                    relogin(who),
                    fixture);
            verify(
                    new Cell(
                            "POST /password",
                            Rule.BEARER,
                            204,
                            (w, f) ->
                                    w.spec()
                                            .contentType(ContentType.JSON)
                                            .body(
                                                    Map.of(
                                                            "current_password",
                                                            w.session() == null
                                                                    ? "wrong-Password-7Qz!"
                                                                    : w.session()
                                                                            .account()
                                                                            .password(),
                                                            "new_password",
                                                            Api.password()))
                                            .post("/api/auth/password")),
                    relogin(who),
                    fixture);
        }
        for (Who who :
                List.of(
                        new Who(Caller.ADMIN, boss),
                        callers.get(Caller.REVOKED_ADMIN),
                        callers.get(Caller.DELETED_ADMIN),
                        callers.get(Caller.ANONYMOUS))) {
            verify(
                    new Cell(
                            "DELETE /users/{another}",
                            Rule.ADMIN_ONLY,
                            204,
                            (w, f) -> w.spec().delete(USERS + f.spare().id())),
                    who,
                    fixture);
        }
        verify(
                new Cell(
                        "DELETE /users/{own}",
                        Rule.ADMIN_ONLY,
                        204,
                        (w, f) -> w.spec().delete(USERS + w.ownId())),
                make(Caller.ADMIN, boss),
                fixture);

        printTable();
        answers.assertAllFine();
        assertThat(mismatches).as("cells of the authorization matrix that differ").isEmpty();
        // What the refused callers tried did not happen.
        Api.bearer(boss.accessToken())
                .get(USERS + fixture.other().account().id())
                .then()
                .statusCode(200)
                .body("role", org.hamcrest.Matchers.equalTo("customer"));
        Api.bearer(fixture.other().accessToken()).get("/api/auth/me").then().statusCode(200);
    }

    /** A new session of the same caller (live kinds log in again; the others stay as they are). */
    private static Who relogin(Who who) {
        return who.kind().live() ? new Who(who.kind(), Api.login(who.session().account())) : who;
    }

    private static String ownSid(Who who) {
        return who.session() == null ? UUID.randomUUID().toString() : who.session().sid();
    }

    private void printTable() {
        StringBuilder b = new StringBuilder("[hostile] authorization matrix (status and code):\n");
        b.append(String.format("%-48s", "endpoint"));
        for (Caller c : Caller.values()) {
            b.append(String.format(" | %-22s", c));
        }
        b.append('\n');
        table.forEach(
                (endpoint, row) -> {
                    b.append(String.format("%-48s", endpoint));
                    for (Caller c : Caller.values()) {
                        b.append(String.format(" | %-22s", row.getOrDefault(c, "")));
                    }
                    b.append('\n');
                });
        System.out.print(b);
    }
}
