package dev.patriotforge.shared.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure the API reports to its caller. The {@link #code()} is the stable snake_case word of the
 * contract; the {@link #category()} decides the HTTP status. The message is safe to show to a
 * client: it never contains secrets or internals.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final ErrorCategory category;
    private final transient Duration retryAfter;
    private final transient List<FieldError> fieldErrors;

    public DomainException(String code, ErrorCategory category, String detail) {
        this(code, category, detail, null, List.of());
    }

    protected DomainException(
            String code,
            ErrorCategory category,
            String detail,
            Duration retryAfter,
            List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.category = Objects.requireNonNull(category, "category");
        this.retryAfter = retryAfter;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public String code() {
        return code;
    }

    public ErrorCategory category() {
        return category;
    }

    public int httpStatus() {
        return category.httpStatus();
    }

    public String detail() {
        return getMessage();
    }

    /** How long the caller should wait before trying again, for 429 and 503 answers. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
