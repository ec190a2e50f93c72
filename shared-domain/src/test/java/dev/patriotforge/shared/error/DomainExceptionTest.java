package dev.patriotforge.shared.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DomainExceptionTest {

    static Stream<Arguments> everyContractCode() {
        return Stream.of(
                Arguments.of(new MalformedRequest("not json"), "malformed_request", 400),
                Arguments.of(ValidationFailed.of("email", "bad"), "validation_failed", 422),
                Arguments.of(new Unauthenticated(), "unauthenticated", 401),
                Arguments.of(new TokenInvalid(), "token_invalid", 401),
                Arguments.of(new TokenExpired(), "token_expired", 401),
                Arguments.of(new TokenRevoked(), "token_revoked", 401),
                Arguments.of(new InvalidCredentials(), "invalid_credentials", 401),
                Arguments.of(new RefreshTokenReused(), "refresh_token_reused", 401),
                Arguments.of(new Forbidden(), "forbidden", 403),
                Arguments.of(new QuoteNotFound(), "not_found", 404),
                Arguments.of(new UserNotFound(), "not_found", 404),
                Arguments.of(new SessionNotFound(), "not_found", 404),
                Arguments.of(new MethodNotAllowed(), "method_not_allowed", 405),
                Arguments.of(new NotAcceptable(), "not_acceptable", 406),
                Arguments.of(new DuplicateEmail(), "duplicate_email", 409),
                Arguments.of(new LastAdmin(), "last_admin", 409),
                Arguments.of(new MfaRequired(), "mfa_required", 403),
                Arguments.of(new MfaAlreadyEnabled(), "mfa_already_enabled", 409),
                Arguments.of(new MfaNotEnrolled(), "mfa_not_enrolled", 409),
                Arguments.of(
                        new InvalidStateTransition("accept", "draft"),
                        "invalid_state_transition",
                        409),
                Arguments.of(new QuoteExpired(), "quote_expired", 409),
                Arguments.of(new IdempotencyKeyInUse(), "idempotency_key_in_use", 409),
                Arguments.of(new ConcurrentUpdate(), "concurrent_update", 409),
                Arguments.of(new IdempotencyKeyReused(), "idempotency_key_reused", 422),
                Arguments.of(new QuotaExceeded("too many open quotes"), "quota_exceeded", 409),
                Arguments.of(new VersionMismatch(), "version_mismatch", 412),
                Arguments.of(new PayloadTooLarge(), "payload_too_large", 413),
                Arguments.of(new UnsupportedMediaType(), "unsupported_media_type", 415),
                Arguments.of(new PreconditionRequired(), "precondition_required", 428),
                Arguments.of(new TooManyAttempts(Duration.ofMinutes(15)), "too_many_attempts", 429),
                Arguments.of(new RateLimited(Duration.ofSeconds(3)), "rate_limited", 429),
                Arguments.of(new DependencyUnavailable(), "dependency_unavailable", 503),
                Arguments.of(new UnexpectedError(), "internal_error", 500));
    }

    @ParameterizedTest
    @MethodSource("everyContractCode")
    void eachExceptionHasItsContractCodeAndStatus(DomainException e, String code, int status) {
        assertThat(e.code()).isEqualTo(code).matches("[a-z]+(_[a-z]+)*");
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.detail()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("everyContractCode")
    void throttlingAndOutagesTellWhenToRetry(DomainException e, String code, int status) {
        assertThat(e.retryAfter().isPresent()).isEqualTo(status == 429 || status == 503);
    }

    @org.junit.jupiter.api.Test
    void fieldErrorsAreCopiedSoTheExceptionCannotChangeLater() {
        var errors = new java.util.ArrayList<>(List.of(new FieldError("a", "b")));
        var e = new ValidationFailed(errors);
        errors.clear();
        assertThat(e.fieldErrors()).hasSize(1);
    }
}
