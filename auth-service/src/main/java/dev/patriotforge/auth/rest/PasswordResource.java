package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.PasswordChanges;
import dev.patriotforge.auth.service.PasswordRecovery;
import dev.patriotforge.common.net.ClientAddress;
import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
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

/**
 * The caller changes their password (every session of the user ends); someone who forgot theirs
 * asks for a reset link and sets a new one with it.
 */
@Path("/api/auth/password")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "account", description = "The caller's own account")
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class PasswordResource {
    private final PasswordChanges passwords;
    private final PasswordRecovery recovery;
    private final Callers callers;
    private final ClientAddress addresses;

    public PasswordResource(
            PasswordChanges passwords,
            PasswordRecovery recovery,
            Callers callers,
            ClientAddress addresses) {
        this.passwords = passwords;
        this.recovery = recovery;
        this.callers = callers;
        this.addresses = addresses;
    }

    @POST
    @Authenticated
    @SecurityRequirement(name = Docs.BEARER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the password; every session of the user ends")
    @APIResponse(responseCode = "204", description = "Changed; log in again")
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "401",
            description =
                    "invalid_credentials (wrong current password), unauthenticated, token_invalid,"
                            + " token_expired or token_revoked")
    @APIResponse(responseCode = "403", description = Docs.E403_MFA)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = "validation_failed (new_password)")
    @APIResponse(
            responseCode = "429",
            description = "too_many_attempts or rate_limited (Retry-After)")
    public RestResponse<Void> changePassword(@Valid @NotNull ChangePasswordRequest body) {
        passwords.change(callers.current(), body.currentPassword(), body.newPassword());
        return RestResponse.ResponseBuilder.<Void>noContent()
                .cookie(RefreshCookie.cleared())
                .build();
    }

    @POST
    @Path("/forgot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Mail a password reset link",
            description =
                    "The same 202 and body, in about the same time, whether or not an account has"
                            + " this address. Limited per address (3 an hour) and per client IP;"
                            + " past a limit the answer is the same and no mail is sent.")
    @APIResponse(
            responseCode = "202",
            description = "Taken; a mail follows if the account exists",
            content = @Content(schema = @Schema(implementation = AcceptedResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = "validation_failed: not an email address")
    public RestResponse<AcceptedResponse> forgot(
            @Valid @NotNull ForgotPasswordRequest body, HttpServerRequest request) {
        recovery.forgot(body.email(), Requests.client(request, addresses));
        return RestResponse.accepted(AcceptedResponse.FORGOT);
    }

    @POST
    @Path("/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set a new password with the mailed token",
            description =
                    "Ends every session of the user, clears the login lockout and marks the"
                            + " address verified.")
    @APIResponse(responseCode = "204", description = "Reset; log in with the new password")
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(
            responseCode = "422",
            description =
                    "action_token_invalid (bad, expired or used token) or validation_failed"
                            + " (new_password)")
    @APIResponse(
            responseCode = "429",
            description = "rate_limited: the server is saturated (Retry-After)")
    public RestResponse<Void> reset(@Valid @NotNull ResetPasswordRequest body) {
        recovery.reset(body.token(), body.newPassword());
        return RestResponse.ResponseBuilder.<Void>noContent()
                .cookie(RefreshCookie.cleared())
                .build();
    }
}
