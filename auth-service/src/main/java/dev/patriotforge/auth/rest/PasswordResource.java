package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.AuthService;
import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller changes their password; every session of the user ends. */
@Path("/api/auth/password")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = Docs.BEARER)
@Tag(name = "account", description = "The caller's own account")
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class PasswordResource {
    private final AuthService auth;
    private final Callers callers;

    public PasswordResource(AuthService auth, Callers callers) {
        this.auth = auth;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the password; every session of the user ends")
    @APIResponse(responseCode = "204", description = "Changed; log in again")
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "401",
            description =
                    "invalid_credentials (wrong current password), unauthenticated, token_invalid,"
                            + " token_expired or token_revoked")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = "validation_failed (new_password)")
    @APIResponse(
            responseCode = "429",
            description = "too_many_attempts or rate_limited (Retry-After)")
    public RestResponse<Void> changePassword(@Valid @NotNull ChangePasswordRequest body) {
        auth.changePassword(callers.current(), body.currentPassword(), body.newPassword());
        return RestResponse.ResponseBuilder.<Void>noContent()
                .cookie(RefreshCookie.cleared())
                .build();
    }
}
