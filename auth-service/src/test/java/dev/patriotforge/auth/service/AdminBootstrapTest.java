package dev.patriotforge.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SuppressWarnings("try") // a try block holds a fixture (admins set aside, a row lock)
class AdminBootstrapTest {

    @Inject AdminBootstrap bootstrap;
    @Inject UserRepository users;
    @Inject AuthDb db;

    private long accountsWithEmail(String email) {
        return QuarkusTransaction.requiringNew().call(() -> users.count("email", email));
    }

    @Test
    void theConfiguredAdminExistsExactlyOnceAndASecondRunChangesNothing() {
        Api.Account admin = Api.bootstrapAdmin();
        assertThat(accountsWithEmail(admin.email())).isEqualTo(1);
        String hashBefore =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        users.findLiveByEmail(admin.email())
                                                .orElseThrow()
                                                .passwordHash);

        assertThat(
                        bootstrap.ensure(
                                Optional.of(admin.email()), Optional.of("Another-Password-42x")))
                .isEqualTo(AdminBootstrap.Outcome.ADMIN_EXISTS);

        assertThat(accountsWithEmail(admin.email())).isEqualTo(1);
        assertThat(
                        QuarkusTransaction.requiringNew()
                                .call(
                                        () ->
                                                users.findLiveByEmail(admin.email())
                                                        .orElseThrow()
                                                        .passwordHash))
                .isEqualTo(hashBefore);
        Api.login(admin);
    }

    @Test
    void nothingIsCreatedUnlessBothEmailAndPasswordAreSet() {
        String email = Api.email("half-configured");
        assertThat(bootstrap.ensure(Optional.of(email), Optional.empty()))
                .isEqualTo(AdminBootstrap.Outcome.NOT_CONFIGURED);
        assertThat(bootstrap.ensure(Optional.empty(), Optional.of("Some-Password-123x")))
                .isEqualTo(AdminBootstrap.Outcome.NOT_CONFIGURED);
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void withNoLiveAdminBothSetCreatesAnAdminOnce() {
        String email = Api.email("second-admin");
        String password = Api.password();
        try (AuthDb.Aside aside = db.onlyAdmins()) {
            assertThat(db.liveAdmins()).isZero();
            assertThat(bootstrap.ensure(Optional.of(email), Optional.of(password)))
                    .isEqualTo(AdminBootstrap.Outcome.CREATED);
            assertThat(bootstrap.ensure(Optional.of(email), Optional.of(password)))
                    .isEqualTo(AdminBootstrap.Outcome.ADMIN_EXISTS);
            assertThat(db.liveAdmins()).isEqualTo(1);
        }
        assertThat(accountsWithEmail(email)).isEqualTo(1);
        Api.login(new Api.Account(null, email, password, Api.ip()));
    }

    @Test
    void whileAnAdminExistsNoBootstrapAdminIsCreated() {
        String email = Api.email("not-needed");
        assertThat(bootstrap.ensure(Optional.of(email), Optional.of(Api.password())))
                .isEqualTo(AdminBootstrap.Outcome.ADMIN_EXISTS);
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void aDeletedOrDemotedBootstrapAdminIsNotRecreatedWhileAnotherAdminExists() throws Exception {
        Api.Session boss = Api.login(Api.bootstrapAdmin());
        for (String fate : List.of("deleted", "demoted")) {
            String email = Api.email("bootstrap-" + fate);
            String password = Api.password();
            try (AuthDb.Aside aside = db.onlyAdmins()) {
                assertThat(bootstrap.ensure(Optional.of(email), Optional.of(password)))
                        .isEqualTo(AdminBootstrap.Outcome.CREATED);
            }
            Api.login(new Api.Account(null, email, password, Api.ip()));
            String id = idOf(email);
            if (fate.equals("deleted")) {
                Api.bearer(boss.accessToken())
                        .delete("/api/auth/users/" + id)
                        .then()
                        .statusCode(204);
            } else {
                Api.bearer(boss.accessToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("role", "customer"))
                        .patch("/api/auth/users/" + id)
                        .then()
                        .statusCode(200);
            }

            // The next start, with the same settings:
            assertThat(bootstrap.ensure(Optional.of(email), Optional.of(password)))
                    .as(fate)
                    .isEqualTo(AdminBootstrap.Outcome.ADMIN_EXISTS);

            Response again = Api.loginResponse(email, password, Api.ip());
            if (fate.equals("deleted")) {
                assertThat(again.statusCode()).isEqualTo(401);
                assertThat(accountsWithEmail(email)).isEqualTo(1);
            } else {
                again.then().statusCode(200);
                assertThat(
                                SignedJWT.parse(again.<String>path("access_token"))
                                        .getJWTClaimsSet()
                                        .getStringListClaim("groups"))
                        .containsExactly("customer");
            }
        }
    }

    @Test
    void twoReplicasStartingAtOnceWithNoAdminCreateOne() throws Exception {
        String first = Api.email("replica-a");
        String second = Api.email("replica-b");
        String password = Api.password();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try (AuthDb.Aside aside = db.onlyAdmins()) {
            Future<AdminBootstrap.Outcome> a =
                    replicas.submit(
                            () -> {
                                start.await();
                                return bootstrap.ensure(Optional.of(first), Optional.of(password));
                            });
            Future<AdminBootstrap.Outcome> b =
                    replicas.submit(
                            () -> {
                                start.await();
                                return bootstrap.ensure(Optional.of(second), Optional.of(password));
                            });
            start.countDown();
            assertThat(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(
                            AdminBootstrap.Outcome.CREATED, AdminBootstrap.Outcome.ADMIN_EXISTS);
            assertThat(db.liveAdmins()).isEqualTo(1);
        } finally {
            replicas.shutdownNow();
        }
        assertThat(accountsWithEmail(first) + accountsWithEmail(second)).isEqualTo(1);
    }

    @Test
    void withNoLiveAdminAnAccountThatHasTheEmailIsLeftAlone() {
        Api.Account taken = Api.register("squatter");
        try (AuthDb.Aside aside = db.onlyAdmins()) {
            assertThat(bootstrap.ensure(Optional.of(taken.email()), Optional.of(Api.password())))
                    .isEqualTo(AdminBootstrap.Outcome.ALREADY_EXISTS);
            assertThat(db.liveAdmins()).isZero();
        }
        Api.login(taken);
    }

    private String idOf(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> users.findLiveByEmail(email).orElseThrow().id.toString());
    }

    @Test
    void aTooShortBootstrapPasswordCreatesNothing() {
        String email = Api.email("short-admin");
        assertThat(bootstrap.ensure(Optional.of(email), Optional.of("short")))
                .isEqualTo(AdminBootstrap.Outcome.INVALID);
        assertThat(accountsWithEmail(email)).isZero();
    }
}
