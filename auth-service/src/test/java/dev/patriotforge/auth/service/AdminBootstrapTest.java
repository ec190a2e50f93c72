package dev.patriotforge.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminBootstrapTest {

    @Inject AdminBootstrap bootstrap;
    @Inject UserRepository users;

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
                .isEqualTo(AdminBootstrap.Outcome.ALREADY_EXISTS);

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
    void bothSetCreatesAnAdminOnce() {
        String email = Api.email("second-admin");
        String password = Api.password();
        assertThat(bootstrap.ensure(Optional.of(email), Optional.of(password)))
                .isEqualTo(AdminBootstrap.Outcome.CREATED);
        assertThat(bootstrap.ensure(Optional.of(email), Optional.of(password)))
                .isEqualTo(AdminBootstrap.Outcome.ALREADY_EXISTS);
        assertThat(accountsWithEmail(email)).isEqualTo(1);
        Api.login(new Api.Account(null, email, password, Api.ip()));
    }

    @Test
    void aTooShortBootstrapPasswordCreatesNothing() {
        String email = Api.email("short-admin");
        assertThat(bootstrap.ensure(Optional.of(email), Optional.of("short")))
                .isEqualTo(AdminBootstrap.Outcome.INVALID);
        assertThat(accountsWithEmail(email)).isZero();
    }
}
