package dev.patriotforge.auth.mail;

/**
 * The mails auth-service sends. Each has a subject and two Qute templates, {@code
 * templates/mail/<name>.txt} and {@code .html}, rendered when the mail is sent.
 */
public enum MailKind {
    VERIFY_EMAIL("verify_email", "Confirm your email address"),
    PASSWORD_RESET("password_reset", "Reset your password"),
    EMAIL_CHANGE_CONFIRM("email_change_confirm", "Confirm your new email address"),
    EMAIL_CHANGE_NOTICE("email_change_notice", "Your email address is being changed");

    private final String id;
    private final String subject;

    MailKind(String id, String subject) {
        this.id = id;
        this.subject = subject;
    }

    /** The value of the outbox's kind column, and the templates' name. */
    public String id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    static MailKind of(String id) {
        for (MailKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown mail kind " + id);
    }
}
