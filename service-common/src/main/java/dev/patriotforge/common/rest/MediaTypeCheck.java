package dev.patriotforge.common.rest;

import dev.patriotforge.shared.error.UnsupportedMediaType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A {@code Content-Type} that is not a media type at all ({@code application/}, an empty value) is
 * a 415 before any resource is matched. Without it, RESTEasy's media-type matching, which runs for
 * a path served by more than one method (auth-service's POST /refresh with and without a JSON
 * body), fails with an IllegalArgumentException and the client gets a 500.
 */
public class MediaTypeCheck {

    @ServerRequestFilter(preMatching = true)
    public void requireAParsableContentType(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        try {
            MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedMediaType();
        }
    }
}
