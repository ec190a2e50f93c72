package dev.patriotforge.shared.error;

/** The action is not allowed from the resource's current status (409). */
public final class InvalidStateTransition extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidStateTransition(String action, String currentStatus) {
        super(
                ErrorCodes.INVALID_STATE_TRANSITION,
                ErrorCategory.CONFLICT,
                "Cannot " + action + " a quote that is " + currentStatus + ".");
    }
}
