package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.HeldLogins;
import dev.patriotforge.auth.support.WidenedLoginPauses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Logins whose password check races a password change, a role change or a deletion (contract 2).
 * The window between the check and the session's commit is widened by {@link WidenedLoginPauses}:
 * either the change lands after the check and before the session is written (the login must then
 * open nothing), or the change starts while the session is written and not yet committed (the
 * change must then wait for it and end it). Either way no session of the racing logins may refresh
 * or call /me afterwards.
 */
@QuarkusTest
class LoginRaceTest {
    private static final int LOGINS = 4;

    @Inject WidenedLoginPauses pauses;

    /** A credential change of the account, made through the API. */
    private interface Change {
        Response apply(Api.Account account, Api.Session own);
    }

    private static final Change PASSWORD =
            (account, own) ->
                    Api.changePassword(own.accessToken(), account.password(), Api.password());

    private static final Change ROLE =
            (account, own) ->
                    Api.bearer(Api.login(Api.bootstrapAdmin()).accessToken())
                            .contentType(ContentType.JSON)
                            .body(Map.of("role", "staff"))
                            .patch("/api/auth/users/" + account.id());

    private static final Change DELETION =
            (account, own) ->
                    Api.bearer(Api.login(Api.bootstrapAdmin()).accessToken())
                            .delete("/api/auth/users/" + account.id());

    @Test
    void aPasswordChangeAfterTheCheckLeavesNoSession() throws Exception {
        changeAfterTheCheck(PASSWORD, 204);
    }

    @Test
    void aRoleChangeAfterTheCheckLeavesNoSession() throws Exception {
        changeAfterTheCheck(ROLE, 200);
    }

    @Test
    void aDeletionAfterTheCheckLeavesNoSession() throws Exception {
        changeAfterTheCheck(DELETION, 204);
    }

    @Test
    void aPasswordChangeWhileTheSessionIsWrittenEndsIt() throws Exception {
        changeWhileTheSessionIsWritten(PASSWORD, 204);
    }

    @Test
    void aRoleChangeWhileTheSessionIsWrittenEndsIt() throws Exception {
        changeWhileTheSessionIsWritten(ROLE, 200);
    }

    @Test
    void aDeletionWhileTheSessionIsWrittenEndsIt() throws Exception {
        changeWhileTheSessionIsWritten(DELETION, 204);
    }

    /**
     * Logins with the old credentials are held after their password check; the change completes;
     * then they go on. They must be refused (401) and leave no usable session.
     */
    private void changeAfterTheCheck(Change change, int changeStatus) throws Exception {
        Api.Account account = Api.register("race-check");
        Api.Session own = Api.login(account);
        try (HeldLogins held = HeldLogins.afterVerify(pauses, account, LOGINS)) {
            change.apply(account, own).then().statusCode(changeStatus);
            held.open();
            List<Response> answers = held.answers();
            for (Response answer : answers) {
                assertUnusable(answer);
            }
            for (Response answer : answers) {
                unauthorized(answer, "invalid_credentials");
            }
        }
    }

    /**
     * A login is held inside the transaction that wrote its session; the change starts meanwhile,
     * then the login commits. The change must see the session and end it.
     */
    private void changeWhileTheSessionIsWritten(Change change, int changeStatus) throws Exception {
        Api.Account account = Api.register("race-write");
        Api.Session own = Api.login(account);
        UUID userId = UUID.fromString(account.id());
        WidenedLoginPauses.Gate gate = pauses.holdAfterSessionWritten(userId);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> login =
                    pool.submit(
                            () -> Api.loginResponse(account.email(), account.password(), Api.ip()));
            gate.awaitArrivals(1);
            Future<Response> changed = pool.submit(() -> change.apply(account, own));
            // Give the change time to reach the user's row (where it must wait for the login).
            Thread.sleep(2_500);
            gate.open();
            changed.get().then().statusCode(changeStatus);
            assertUnusable(login.get());
        } finally {
            pauses.release(userId);
            pool.shutdownNow();
        }
    }

    /** A login answer whose tokens, if any, can neither refresh nor call /me. */
    private static void assertUnusable(Response login) {
        assertThat(login.statusCode()).isIn(200, 401);
        if (login.statusCode() != 200) {
            return;
        }
        String access = login.path("access_token");
        String refresh = login.path("refresh_token");
        assertThat(Api.bearer(access).get("/api/auth/me").statusCode())
                .as("/me with the racing login's access token")
                .isEqualTo(401);
        assertThat(
                        Api.from(Api.ip())
                                .body(Map.of("refresh_token", refresh))
                                .post("/api/auth/refresh")
                                .statusCode())
                .as("refresh with the racing login's refresh token")
                .isEqualTo(401);
    }
}
