package dev.patriotforge.shared.error;

/** No user with that id is visible to the caller (404). */
public final class UserNotFound extends NotFound {
    private static final long serialVersionUID = 1L;

    public UserNotFound() {
        super("user");
    }
}
