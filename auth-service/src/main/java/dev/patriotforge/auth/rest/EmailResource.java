package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.EmailVerification;
import dev.patriotforge.auth.service.UserView;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Confirming the address with the mailed token (also an email change), and asking again. */
@Path("/api/auth/email")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "account", description = "The caller's own account")
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class EmailResource {
    private final EmailVerification verification;
    private final Callers callers;

    public EmailResource(EmailVerification verification, Callers callers) {
        this.verification = verification;
        this.callers = callers;
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Confirm an address with the mailed token",
            description =
                    "A verification token confirms the account's address; an email-change token"
                            + " moves the account to the new address and confirms it.")
    @APIResponse(
            responseCode = "200",
            description = "The user, its address confirmed",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "409",
            description = "duplicate_email: the new address was taken meanwhile")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(
            responseCode = "422",
            description = "action_token_invalid (bad, expired or used token) or validation_failed")
    public UserView verify(@Valid @NotNull VerifyEmailRequest body) {
        return verification.verify(body.token());
    }

    @POST
    @Path("/verify/resend")
    @Authenticated
    @SecurityRequirement(name = Docs.BEARER)
    @Operation(
            summary = "Mail a new verification token; earlier ones stop working",
            description = "At most 3 an hour per user; the registration mail does not count.")
    @APIResponse(
            responseCode = "202",
            description = "A mail is on its way (none if the address is already confirmed)",
            content = @Content(schema = @Schema(implementation = AcceptedResponse.class)))
    @APIResponse(responseCode = "401", description = ProblemDocs.E401)
    @APIResponse(responseCode = "403", description = Docs.E403_MFA)
    @APIResponse(responseCode = "429", description = "rate_limited (Retry-After)")
    public RestResponse<AcceptedResponse> resend() {
        verification.resend(callers.current());
        return RestResponse.accepted(AcceptedResponse.VERIFICATION);
    }
}
