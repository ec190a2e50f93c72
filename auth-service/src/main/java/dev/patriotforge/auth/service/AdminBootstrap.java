package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.domain.AdminRows;
import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.shared.error.DuplicateEmail;
import dev.patriotforge.shared.error.ValidationFailed;
import dev.patriotforge.shared.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from {@code FORGE_BOOTSTRAP_ADMIN_EMAIL} and {@code
 * FORGE_BOOTSTRAP_ADMIN_PASSWORD}: only when both are set and no live admin exists (so a bootstrap
 * account that an admin deleted or demoted is not recreated at the next start), and never over an
 * existing account with that email, whatever its role. The check and the insert run under the
 * admins' lock ({@link AdminRows}), so replicas starting at once create at most one. The operator
 * chose the password, so only its length is enforced; a password the policy would refuse is
 * reported in the log.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String DISPLAY_NAME = "Administrator";

    /** What a bootstrap attempt did. */
    public enum Outcome {
        NOT_CONFIGURED,
        CREATED,
        /** A live admin exists; nothing was created. */
        ADMIN_EXISTS,
        /** No live admin exists, but an account with that email does; it was left alone. */
        ALREADY_EXISTS,
        INVALID
    }

    private final AuthConfig config;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AdminRows admins;

    public AdminBootstrap(
            AuthConfig config,
            Accounts accounts,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AdminRows admins) {
        this.config = config;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.admins = admins;
    }

    void onStart(@Observes StartupEvent event) {
        ensure(config.bootstrap().adminEmail(), config.bootstrap().adminPassword());
    }

    /** Creates the admin when both values are present, no admin exists and the email is free. */
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
        Outcome blocked = QuarkusTransaction.requiringNew().call(() -> blockedBy(email));
        if (blocked != null) {
            return blocked;
        }
        policy.problemWith(password, email)
                .ifPresent(
                        problem ->
                                LOG.warnf(
                                        "FORGE_BOOTSTRAP_ADMIN_PASSWORD %s; change it after the"
                                                + " first login",
                                        problem));
        String hash = hasher.hash(password);
        try {
            return QuarkusTransaction.requiringNew().call(() -> createUnderLock(email, hash));
        } catch (DuplicateEmail e) {
            return Outcome.ALREADY_EXISTS;
        }
    }

    /**
     * Holds the admins' lock while it checks again and inserts. The insert commits in a transaction
     * of its own before this one releases the lock, so a replica waiting for the lock then sees the
     * new admin.
     */
    private Outcome createUnderLock(String email, String hash) {
        admins.lock();
        Outcome blocked = blockedBy(email);
        if (blocked != null) {
            return blocked;
        }
        // The address comes from the operator's configuration, not from a stranger: verified.
        UserView admin =
                accounts.create(email, DISPLAY_NAME, Roles.ADMIN, hash, true, (user, now) -> {});
        LOG.infof("Bootstrap admin created (user id %s)", admin.id());
        return Outcome.CREATED;
    }

    /** Why no admin may be created now, or null when one may. */
    private Outcome blockedBy(String email) {
        if (admins.countLive() > 0) {
            LOG.info("Bootstrap admin: a live admin exists; none created");
            return Outcome.ADMIN_EXISTS;
        }
        if (accounts.findLive(email) != null) {
            LOG.warn(
                    "Bootstrap admin: no live admin exists, but an account with that email does;"
                            + " left unchanged, no admin created");
            return Outcome.ALREADY_EXISTS;
        }
        return null;
    }
}
