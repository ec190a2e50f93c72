package dev.patriotforge.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.shared.error.DuplicateEmail;
import dev.patriotforge.shared.error.FieldError;
import dev.patriotforge.shared.error.ValidationFailed;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void problemCarriesCodeStatusAndTypeEndingInTheCode() {
        Problem problem = Problem.of(new DuplicateEmail(), "/api/auth/register", "req-1");

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.code()).isEqualTo("duplicate_email");
        assertThat(problem.type()).endsWith("/duplicate_email");
        assertThat(problem.title()).isEqualTo("Duplicate email");
        assertThat(problem.instance()).isEqualTo("/api/auth/register");
        assertThat(problem.requestId()).isEqualTo("req-1");
        assertThat(problem.errors()).isEmpty();
    }

    @Test
    void validationProblemListsTheFieldErrors() {
        var errors = List.of(new FieldError("items[0].quantity", "must be greater than 0"));

        Problem problem = Problem.of(new ValidationFailed(errors), "/api/quotes", "req-2");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).containsExactlyElementsOf(errors);
    }
}
