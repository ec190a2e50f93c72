package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import dev.patriotforge.auth.support.RedisInspector;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Admin endpoints decide from auth-service's own rows, not from the token: the caller's session
 * must be live and the caller's current role admin; the last live admin can be neither demoted nor
 * deleted, not even by two admins demoting each other at the same moment.
 */
@QuarkusTest
@SuppressWarnings("try") // a try block holds a fixture (admins set aside, a row lock)
class AdminAuthorityTest {

    @Inject AuthDb db;
    @Inject RedisInspector redis;

    /** Every admin endpoint, called with a token. */
    private static List<Response> everyAdminEndpoint(String accessToken) {
        String someone = UUID.randomUUID().toString();
        return List.of(
                Api.bearer(accessToken).get("/api/auth/users"),
                Api.bearer(accessToken).get("/api/auth/users/" + someone),
                Api.bearer(accessToken)
                        .contentType(ContentType.JSON)
                        .body(Map.of("role", "staff"))
                        .patch("/api/auth/users/" + someone),
                Api.bearer(accessToken).delete("/api/auth/users/" + someone));
    }

    private static Response demote(Api.Session by, String userId) {
        return Api.bearer(by.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "staff"))
                .patch("/api/auth/users/" + userId);
    }

    @Test
    void anAdminDemotedInTheDatabaseIsForbiddenAtOnceThoughItsTokenStillSaysAdmin() {
        Api.Session admin = Api.newAdmin();
        Api.bearer(admin.accessToken()).get("/api/auth/users").then().statusCode(200);
        db.update(
                "UPDATE auth.forge_users SET role = 'staff' WHERE id = ?",
                UUID.fromString(admin.account().id()));
        for (Response r : everyAdminEndpoint(admin.accessToken())) {
            problem(r, 403, "forbidden");
        }
        Api.bearer(admin.accessToken()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void aDemotedOrDeletedAdminsTokenIsRefusedEvenWhenRedisLostItsRevocationMark() {
        Api.Session boss = Api.login(Api.bootstrapAdmin());
        Api.Session demoted = Api.newAdmin();
        Api.Session deleted = Api.newAdmin();
        demote(boss, demoted.account().id()).then().statusCode(200);
        Api.bearer(boss.accessToken())
                .delete("/api/auth/users/" + deleted.account().id())
                .then()
                .statusCode(204);
        for (Api.Session s : List.of(demoted, deleted)) {
            redis.forgetRevocationMark(s.sid());
            for (Response r : everyAdminEndpoint(s.accessToken())) {
                unauthorized(r, "token_revoked");
            }
        }
    }

    @Test
    void anAdminWhoseSessionIsPastItsLifetimeIsRefused() {
        Api.Session admin = Api.newAdmin();
        db.update(
                "UPDATE auth.forge_sessions SET expires_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))),
                UUID.fromString(admin.sid()));
        for (Response r : everyAdminEndpoint(admin.accessToken())) {
            unauthorized(r, "token_expired");
        }
    }

    @Test
    void theOnlyAdminCanNeitherDemoteNorDeleteItself() {
        Api.Session only = Api.newAdmin();
        try (AuthDb.Aside aside = db.onlyAdmins(only.account().id())) {
            assertThat(db.liveAdmins()).isEqualTo(1);
            problem(demote(only, only.account().id()), 409, "last_admin");
            problem(
                    Api.bearer(only.accessToken()).delete("/api/auth/users/" + only.account().id()),
                    409,
                    "last_admin");
            assertThat(db.liveAdmins()).isEqualTo(1);
            // Anyone else may still be changed, and the admin may keep its own role.
            Api.Account customer = Api.register("under-last-admin");
            demote(only, customer.id()).then().statusCode(200);
            Api.bearer(only.accessToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("role", "admin"))
                    .patch("/api/auth/users/" + only.account().id())
                    .then()
                    .statusCode(200);
            Api.bearer(only.accessToken()).get("/api/auth/me").then().statusCode(200);
        }
    }

    @Test
    void withTwoAdminsOneMayDemoteItself() {
        Api.Session a = Api.newAdmin();
        Api.Session b = Api.newAdmin();
        try (AuthDb.Aside aside = db.onlyAdmins(a.account().id(), b.account().id())) {
            demote(a, a.account().id()).then().statusCode(200);
            assertThat(db.liveAdmins()).isEqualTo(1);
            problem(
                    Api.bearer(b.accessToken()).delete("/api/auth/users/" + b.account().id()),
                    409,
                    "last_admin");
        }
    }

    /**
     * The caller check reads the caller's session before the demotion locks it; a refresh that
     * changes the session in between must not make the demotion fail on a stale copy (a 500).
     */
    @Test
    void anAdminDemotingItselfWhileItsSessionIsRefreshedGetsAnAnswer() throws Exception {
        Api.Session self = Api.newAdmin();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<Response> answer;
            try (AuthDb.RowLock refresh = db.touchSession(self.sid())) {
                long before = db.lockWaiters();
                answer = client.submit(() -> demote(self, self.account().id()));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (db.lockWaiters() <= before && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                refresh.commit();
            }
            answer.get(30, TimeUnit.SECONDS).then().statusCode(200);
        } finally {
            client.shutdownNow();
        }
        unauthorized(Api.bearer(self.accessToken()).get("/api/auth/users"), "token_revoked");
    }

    /**
     * Both requests are let through authentication and then held (the test locks both admins'
     * sessions, which a demotion ends) until both wait in the database; released together, they
     * must still be decided one after the other.
     */
    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        Api.Session a = Api.newAdmin();
        Api.Session b = Api.newAdmin();
        try (AuthDb.Aside aside = db.onlyAdmins(a.account().id(), b.account().id())) {
            ExecutorService clients = Executors.newFixedThreadPool(2);
            List<Response> answers;
            try {
                Future<Response> aDemotesB;
                Future<Response> bDemotesA;
                try (AuthDb.RowLock lock =
                        db.lockOpenSessionsOf(a.account().id(), b.account().id())) {
                    long before = db.lockWaiters();
                    aDemotesB = clients.submit(() -> demote(a, b.account().id()));
                    bDemotesA = clients.submit(() -> demote(b, a.account().id()));
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (db.lockWaiters() < before + 2 && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(db.lockWaiters() - before)
                            .as("requests waiting in the database")
                            .isGreaterThanOrEqualTo(2);
                }
                answers =
                        List.of(
                                aDemotesB.get(30, TimeUnit.SECONDS),
                                bDemotesA.get(30, TimeUnit.SECONDS));
            } finally {
                clients.shutdownNow();
            }
            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertThat(statuses).as("statuses").containsExactly(200, 401);
            Response loser = answers.stream().filter(r -> r.statusCode() == 401).findFirst().get();
            assertThat(loser.<String>path("code")).isEqualTo("token_revoked");
            assertThat(db.liveAdmins()).isEqualTo(1);
            Function<Api.Session, Long> isAdmin =
                    s ->
                            db.count(
                                    "SELECT count(*) FROM auth.forge_users WHERE id = ? AND role ="
                                            + " 'admin' AND deleted_at IS NULL",
                                    UUID.fromString(s.account().id()));
            assertThat(isAdmin.apply(a) + isAdmin.apply(b)).isEqualTo(1);
        }
    }
}
