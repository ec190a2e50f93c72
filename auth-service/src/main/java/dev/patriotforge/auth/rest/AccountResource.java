package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.AuthService;
import dev.patriotforge.auth.service.EmailChanges;
import dev.patriotforge.auth.service.UserView;
import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's own account: read it, change the display name. */
@Path("/api/auth/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = Docs.BEARER)
@Tag(name = "account", description = "The caller's own account")
@APIResponse(responseCode = "401", description = ProblemDocs.E401)
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class AccountResource {
    private final AuthService auth;
    private final Callers callers;

    private final EmailChanges emailChanges;

    public AccountResource(AuthService auth, EmailChanges emailChanges, Callers callers) {
        this.auth = auth;
        this.emailChanges = emailChanges;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "The caller's account")
    @APIResponse(
            responseCode = "200",
            description = "The caller",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public UserView me() {
        return auth.me(callers.current());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's display name")
    @APIResponse(
            responseCode = "200",
            description = "The updated caller",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = "validation_failed")
    public UserView updateMe(@Valid @NotNull UpdateMeRequest body) {
        return auth.updateMe(callers.current(), body.displayName());
    }

    @POST
    @Path("/email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the email address",
            description =
                    "Mails a confirmation link to the new address and a notice to the old one."
                            + " The change happens when the link's token is posted to"
                            + " /api/auth/email/verify; sessions stay.")
    @APIResponse(
            responseCode = "202",
            description = "The confirmation is on its way",
            content = @Content(schema = @Schema(implementation = AcceptedResponse.class)))
    @APIResponse(responseCode = "403", description = Docs.E403_MFA)
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "409",
            description = "duplicate_email: the new address belongs to an account")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(
            responseCode = "422",
            description = "validation_failed: not an email address, or the current one")
    @APIResponse(
            responseCode = "429",
            description =
                    "rate_limited (3 changes an hour) or too_many_attempts (wrong passwords);"
                            + " Retry-After")
    public RestResponse<AcceptedResponse> changeEmail(@Valid @NotNull ChangeEmailRequest body) {
        emailChanges.request(callers.current(), body.newEmail(), body.currentPassword());
        return RestResponse.accepted(AcceptedResponse.EMAIL_CHANGE);
    }
}
