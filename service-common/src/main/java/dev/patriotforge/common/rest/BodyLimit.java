package dev.patriotforge.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.shared.api.Problem;
import dev.patriotforge.shared.error.PayloadTooLarge;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Answers a body announced as larger than {@code quarkus.http.limits.max-body-size} with a 413
 * problem document. Quarkus' own check (which stays in place for chunked bodies) answers with an
 * empty 413; this route runs just before it, right after the request id is assigned.
 */
@ApplicationScoped
public class BodyLimit {
    private final long maxBytes;
    private final ObjectMapper json;

    public BodyLimit(ObjectMapper json) {
        this.maxBytes =
                ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                        .map(MemorySize::asLongValue)
                        .orElse(Long.MAX_VALUE);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length == null || !tooLarge(length)) {
            rc.next();
            return;
        }
        Problem problem =
                Problem.of(
                        new PayloadTooLarge(), rc.request().path(), RequestIds.of(rc.response()));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "";
        }
        rc.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
