package dev.patriotforge.shared.error;

/**
 * A mailed one-time token (verification, reset, email change) that is bad, expired or used (422).
 */
public final class ActionTokenInvalid extends DomainException {
    private static final long serialVersionUID = 1L;

    public ActionTokenInvalid() {
        super(
                ErrorCodes.ACTION_TOKEN_INVALID,
                ErrorCategory.INVALID_INPUT,
                "This link is invalid, expired or already used. Ask for a new one.");
    }
}
