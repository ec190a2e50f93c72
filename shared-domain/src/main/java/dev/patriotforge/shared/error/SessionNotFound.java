package dev.patriotforge.shared.error;

/** No session with that id is visible to the caller (404). */
public final class SessionNotFound extends NotFound {
    private static final long serialVersionUID = 1L;

    public SessionNotFound() {
        super("session");
    }
}
