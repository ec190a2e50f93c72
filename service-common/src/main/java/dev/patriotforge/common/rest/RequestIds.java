package dev.patriotforge.common.rest;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's (or gateway's) {@code X-Request-Id} when it is a sane
 * token, else a new UUID. The id is echoed on every response, including operations endpoints and
 * errors, and put in the logging context as {@code request_id}.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        router.route()
                .order(Integer.MIN_VALUE)
                .handler(
                        rc -> {
                            String id = accept(rc.request().getHeader(HEADER));
                            rc.response().putHeader(HEADER, id);
                            MDC.put(MDC_KEY, id);
                            rc.next();
                        });
    }

    /** The caller's id when it is safe to echo and log, else a fresh one. */
    static String accept(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    /** The id already assigned to the request this response belongs to. */
    public static String of(HttpServerResponse response) {
        String id = response.headers().get(HEADER);
        return id != null ? id : "";
    }
}
