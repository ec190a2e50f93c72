package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.SessionService;
import dev.patriotforge.auth.service.SessionView;
import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's own sessions. */
@Path("/api/auth/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = Docs.BEARER)
@Tag(name = "sessions", description = "The caller's logins")
@APIResponse(responseCode = "401", description = ProblemDocs.E401)
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class SessionResource {
    private final SessionService sessions;
    private final Callers callers;

    public SessionResource(SessionService sessions, Callers callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "The caller's live sessions, newest first, keyset-paginated")
    @APIResponse(
            responseCode = "200",
            description =
                    "A page of sessions; current marks the one of this token, next_cursor is null"
                            + " on the last page",
            content = @Content(schema = @Schema(implementation = SessionPage.class)))
    @APIResponse(responseCode = "422", description = "validation_failed: limit or cursor")
    public CursorPage<SessionView> list(
            @RestQuery @Parameter(description = "1..100, default 20") String limit,
            @RestQuery @Parameter(description = "next_cursor of the previous page") String cursor) {
        return sessions.list(callers.current(), PageRequest.parse(cursor, limit));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End one of the caller's sessions")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(
            responseCode = "404",
            description = "not_found: no live session of the caller with this id")
    public RestResponse<Void> delete(@RestPath UUID id) {
        sessions.delete(callers.current(), id);
        return RestResponse.noContent();
    }
}
