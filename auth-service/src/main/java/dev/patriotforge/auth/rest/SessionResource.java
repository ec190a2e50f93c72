package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.rest.Bodies.SessionList;
import dev.patriotforge.auth.rest.Bodies.SessionResponse;
import dev.patriotforge.auth.service.SessionService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's own sessions. */
@Path("/api/auth/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = OpenApi.BEARER)
@Tag(name = "sessions", description = "The caller's logins")
public class SessionResource {
    private final SessionService sessions;
    private final JsonWebToken jwt;

    public SessionResource(SessionService sessions, JsonWebToken jwt) {
        this.sessions = sessions;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "The caller's live sessions, newest first")
    @APIResponse(
            responseCode = "200",
            description = "Sessions; current marks the one of this token",
            content = @Content(schema = @Schema(implementation = SessionList.class)))
    @APIResponse(
            responseCode = "401",
            description = "unauthenticated, token_invalid, token_expired or token_revoked")
    @APIResponse(responseCode = "503", description = "dependency_unavailable (Retry-After)")
    public SessionList list() {
        return new SessionList(
                sessions.list(Requests.caller(jwt)).stream().map(SessionResponse::from).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End one of the caller's sessions")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(
            responseCode = "401",
            description = "unauthenticated, token_invalid, token_expired or token_revoked")
    @APIResponse(
            responseCode = "404",
            description = "not_found: no live session of the caller with this id")
    @APIResponse(responseCode = "503", description = "dependency_unavailable (Retry-After)")
    public RestResponse<Void> delete(@RestPath UUID id) {
        sessions.delete(Requests.caller(jwt), id);
        return RestResponse.noContent();
    }
}
