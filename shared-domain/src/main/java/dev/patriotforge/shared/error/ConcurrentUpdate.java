package dev.patriotforge.shared.error;

/**
 * Another request changed the same row at the same moment, and this one lost (409): an optimistic
 * version check failed at commit, or PostgreSQL broke a deadlock or a serialization conflict.
 * Nothing was changed; the request may be sent again.
 */
public final class ConcurrentUpdate extends DomainException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdate() {
        super(
                ErrorCodes.CONCURRENT_UPDATE,
                ErrorCategory.CONFLICT,
                "Another request changed this resource at the same time; nothing was changed, try"
                        + " again.");
    }
}
