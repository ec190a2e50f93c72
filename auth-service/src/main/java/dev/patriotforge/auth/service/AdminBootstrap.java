package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.shared.error.DuplicateEmail;
import dev.patriotforge.shared.error.ValidationFailed;
import dev.patriotforge.shared.security.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from {@code FORGE_BOOTSTRAP_ADMIN_EMAIL} and {@code
 * FORGE_BOOTSTRAP_ADMIN_PASSWORD}: only when both are set, and only once (an account with that
 * email already existing, whatever its role, is left alone). The operator chose the password, so
 * only its length is enforced; a password the policy would refuse is reported in the log.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String DISPLAY_NAME = "Administrator";

    /** What a bootstrap attempt did. */
    public enum Outcome {
        NOT_CONFIGURED,
        CREATED,
        ALREADY_EXISTS,
        INVALID
    }

    private final AuthConfig config;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;

    public AdminBootstrap(
            AuthConfig config, Accounts accounts, PasswordHasher hasher, PasswordPolicy policy) {
        this.config = config;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
    }

    void onStart(@Observes StartupEvent event) {
        ensure(config.bootstrap().adminEmail(), config.bootstrap().adminPassword());
    }

    /** Creates the admin when both values are present and the email is not taken. */
    public Outcome ensure(Optional<String> rawEmail, Optional<String> rawPassword) {
        if (rawEmail.isEmpty()
                || rawPassword.isEmpty()
                || rawEmail.get().isBlank()
                || rawPassword.get().isEmpty()) {
            return Outcome.NOT_CONFIGURED;
        }
        Secret password = Secret.of(rawPassword.get());
        String email;
        try {
            Inputs in = new Inputs();
            email = in.email("email", rawEmail.get());
            in.check();
        } catch (ValidationFailed e) {
            LOG.error("FORGE_BOOTSTRAP_ADMIN_EMAIL is not an email address; no admin created");
            return Outcome.INVALID;
        }
        if (password.length() < PasswordPolicy.MIN_LENGTH
                || password.length() > PasswordPolicy.MAX_LENGTH) {
            LOG.errorf(
                    "FORGE_BOOTSTRAP_ADMIN_PASSWORD must be %d to %d characters; no admin created",
                    PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
            return Outcome.INVALID;
        }
        if (accounts.findLive(email) != null) {
            LOG.info("Bootstrap admin: an account with that email exists; left unchanged");
            return Outcome.ALREADY_EXISTS;
        }
        policy.problemWith(password, email)
                .ifPresent(
                        problem ->
                                LOG.warnf(
                                        "FORGE_BOOTSTRAP_ADMIN_PASSWORD %s; change it after the"
                                                + " first login",
                                        problem));
        try {
            UserView admin =
                    accounts.create(email, DISPLAY_NAME, Roles.ADMIN, hasher.hash(password));
            LOG.infof("Bootstrap admin created (user id %s)", admin.id());
            return Outcome.CREATED;
        } catch (DuplicateEmail e) {
            return Outcome.ALREADY_EXISTS;
        }
    }
}
