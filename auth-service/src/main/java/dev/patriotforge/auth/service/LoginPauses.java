package dev.patriotforge.auth.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The points of a login between its password check and the commit of its session. In the service
 * they do nothing; a test bean replaces this one to widen the window in which a password change, a
 * role change or a deletion can race the login.
 */
@DefaultBean
@ApplicationScoped
public class LoginPauses {

    /** After the password was verified, before the transaction that writes the session. */
    public void verified(UUID userId) {
        // Nothing outside tests.
    }

    /** Inside that transaction, after the session is written and before the commit. */
    public void sessionWritten(UUID userId) {
        // Nothing outside tests.
    }
}
