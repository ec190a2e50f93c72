package dev.patriotforge.shared.error;

/** Authenticated, but the role may not do this (403). */
public final class Forbidden extends DomainException {
    private static final long serialVersionUID = 1L;

    public Forbidden() {
        super(ErrorCodes.FORBIDDEN, ErrorCategory.FORBIDDEN, "Your role may not do this.");
    }
}
