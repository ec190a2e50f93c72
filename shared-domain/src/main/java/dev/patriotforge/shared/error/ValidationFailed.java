package dev.patriotforge.shared.error;

import java.util.List;

/** JSON that breaks the schema: unknown field, wrong type, missing field, length or range (422). */
public final class ValidationFailed extends DomainException {
    private static final long serialVersionUID = 1L;

    public ValidationFailed(List<FieldError> errors) {
        super(
                ErrorCodes.VALIDATION_FAILED,
                ErrorCategory.INVALID_INPUT,
                "The request body or parameters are not valid.",
                null,
                errors);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(List.of(new FieldError(field, message)));
    }
}
