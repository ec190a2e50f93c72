package dev.patriotforge.quote.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/** A decimal with at most {@link #value()} digits after the point (trailing zeros ignored). */
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxDecimals.Validator.class)
public @interface MaxDecimals {
    int value();

    String message() default "must have at most {value} decimal places";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is valid: pair with {@code @NotNull}. */
    class Validator implements ConstraintValidator<MaxDecimals, BigDecimal> {
        private int places;

        @Override
        public void initialize(MaxDecimals annotation) {
            places = annotation.value();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || value.stripTrailingZeros().scale() <= places;
        }
    }
}
