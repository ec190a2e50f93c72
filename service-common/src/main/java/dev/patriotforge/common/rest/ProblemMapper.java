package dev.patriotforge.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.patriotforge.common.failure.Causes;
import dev.patriotforge.common.metrics.ServiceMeters;
import dev.patriotforge.shared.api.Problem;
import dev.patriotforge.shared.error.ConcurrentUpdate;
import dev.patriotforge.shared.error.DependencyUnavailable;
import dev.patriotforge.shared.error.DomainException;
import dev.patriotforge.shared.error.ErrorCategory;
import dev.patriotforge.shared.error.Forbidden;
import dev.patriotforge.shared.error.MalformedRequest;
import dev.patriotforge.shared.error.MethodNotAllowed;
import dev.patriotforge.shared.error.NotAcceptable;
import dev.patriotforge.shared.error.NotFound;
import dev.patriotforge.shared.error.PayloadTooLarge;
import dev.patriotforge.shared.error.TokenExpired;
import dev.patriotforge.shared.error.TokenInvalid;
import dev.patriotforge.shared.error.Unauthenticated;
import dev.patriotforge.shared.error.UnexpectedError;
import dev.patriotforge.shared.error.UnsupportedMediaType;
import dev.patriotforge.shared.error.ValidationFailed;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * The one place that turns failures into problem documents. Every error a client can cause maps to
 * a {@link DomainException} and from there, by its category, to a status; anything else is a 500
 * (or a 503 when a dependency is down) that says nothing about internals.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private final ServiceMeters meters;

    public ProblemMapper(ServiceMeters meters) {
        this.meters = meters;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> domain(
            DomainException e, HttpServerRequest request, HttpServerResponse response) {
        return problem(e, request, response);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(
            ConstraintViolationException e,
            HttpServerRequest request,
            HttpServerResponse response) {
        return problem(
                new ValidationFailed(FieldErrors.of(e.getConstraintViolations())),
                request,
                response);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> json(
            JsonProcessingException e, HttpServerRequest request, HttpServerResponse response) {
        return problem(classifyJson(e), request, response);
    }

    /**
     * Quarkus REST has a built-in mapper for this subtype (a bare 400); this one takes precedence
     * so that unknown fields and wrong types are 422 problems naming the field.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(
            MismatchedInputException e, HttpServerRequest request, HttpServerResponse response) {
        return problem(classifyJson(e), request, response);
    }

    /**
     * Quarkus REST's Jackson support maps this subtype itself (an empty 500); this one gives it the
     * same problem document as every other failure. It means a binding the code got wrong, not
     * input the client got wrong, so it stays a 500 and is logged.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> invalidDefinition(
            InvalidDefinitionException e, HttpServerRequest request, HttpServerResponse response) {
        return problem(classifyJson(e), request, response);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> webApplication(
            WebApplicationException e, HttpServerRequest request, HttpServerResponse response) {
        return problem(classifyStatus(e), request, response);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(
            UnauthorizedException e, HttpServerRequest request, HttpServerResponse response) {
        return problem(new Unauthenticated(), request, response);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> authenticationFailed(
            AuthenticationFailedException e,
            HttpServerRequest request,
            HttpServerResponse response) {
        return problem(classifyAuthentication(e, request), request, response);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(
            ForbiddenException e, HttpServerRequest request, HttpServerResponse response) {
        return problem(new Forbidden(), request, response);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(
            Throwable e, HttpServerRequest request, HttpServerResponse response) {
        if (Causes.isPoolTimeout(e)) {
            meters.poolTimeout();
        }
        return problem(classifyUnexpected(e, request), request, response);
    }

    RestResponse<Problem> problem(
            DomainException e, HttpServerRequest request, HttpServerResponse response) {
        meters.problem(e.code(), e.httpStatus());
        Problem body = Problem.of(e, request.path(), RequestIds.of(response));
        RestResponse.ResponseBuilder<Problem> builder =
                RestResponse.ResponseBuilder.<Problem>create(e.httpStatus())
                        .entity(body)
                        .type(Problem.MEDIA_TYPE);
        if (e.category() == ErrorCategory.UNAUTHENTICATED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        e.retryAfter()
                .ifPresent(
                        after ->
                                builder.header(
                                        HttpHeaders.RETRY_AFTER, Math.max(1L, after.toSeconds())));
        return builder.build();
    }

    private static DomainException classifyJson(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException) {
            LOG.error("JSON binding is misconfigured", e);
            return new UnexpectedError();
        }
        if (e instanceof DatabindException databind) {
            if (databind.getMessage() != null
                    && databind.getMessage().startsWith("No content to map")) {
                return new MalformedRequest("The request body is empty.");
            }
            return new ValidationFailed(List.of(FieldErrors.of(databind)));
        }
        return new MalformedRequest("The request body is not valid JSON.");
    }

    private static DomainException classifyStatus(WebApplicationException e) {
        DomainException cause = Causes.find(e, DomainException.class);
        if (cause != null) {
            return cause;
        }
        JsonProcessingException json = Causes.find(e, JsonProcessingException.class);
        if (json != null) {
            return classifyJson(json);
        }
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 400 -> new MalformedRequest("The request is not well formed.");
            case 401 -> new Unauthenticated();
            case 403 -> new Forbidden();
            case 404 -> NotFound.resource();
            case 405 -> new MethodNotAllowed();
            case 406 -> new NotAcceptable();
            case 413 -> new PayloadTooLarge();
            case 415 -> new UnsupportedMediaType();
            default -> {
                LOG.errorf("Unmapped HTTP exception with status %d", status);
                yield status >= 500 ? new UnexpectedError() : new MalformedRequest("Bad request.");
            }
        };
    }

    private static DomainException classifyAuthentication(
            AuthenticationFailedException e, HttpServerRequest request) {
        DomainException cause = Causes.find(e, DomainException.class);
        if (cause != null) {
            return cause;
        }
        InvalidJwtException jwt = Causes.find(e, InvalidJwtException.class);
        if (jwt != null && jwt.hasExpired()) {
            return new TokenExpired();
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return new Unauthenticated();
        }
        return new TokenInvalid();
    }

    private static DomainException classifyUnexpected(Throwable e, HttpServerRequest request) {
        DomainException cause = Causes.find(e, DomainException.class);
        if (cause != null) {
            return cause;
        }
        if (Causes.isDependencyFailure(e)) {
            LOG.warnf(
                    "Dependency unavailable on %s %s: %s",
                    request.method(), request.path(), e.getClass().getName());
            return new DependencyUnavailable();
        }
        if (Causes.isConcurrentUpdate(e)) {
            LOG.infof(
                    "Concurrent update on %s %s: %s",
                    request.method(), request.path(), e.getClass().getName());
            return new ConcurrentUpdate();
        }
        LOG.errorf(e, "Unexpected failure on %s %s", request.method(), request.path());
        return new UnexpectedError();
    }
}
