package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.MfaLogin;
import dev.patriotforge.auth.service.TotpEnrolment;
import dev.patriotforge.common.net.ClientAddress;
import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Two-step login with TOTP (contract 2.2): enrolment, turning it off, and the second step. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mfa", description = "Two-step login with TOTP")
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class MfaResource {
    private final TotpEnrolment enrolment;
    private final MfaLogin login;
    private final Callers callers;
    private final ClientAddress addresses;

    public MfaResource(
            TotpEnrolment enrolment, MfaLogin login, Callers callers, ClientAddress addresses) {
        this.enrolment = enrolment;
        this.login = login;
        this.callers = callers;
        this.addresses = addresses;
    }

    @POST
    @Path("/mfa/totp")
    @Authenticated
    @SecurityRequirement(name = Docs.BEARER)
    @Operation(
            summary = "Start TOTP enrolment (RFC 6238: SHA-1, 6 digits, 30 s)",
            description =
                    "A new secret, shown only here; it replaces an unconfirmed one. TOTP is on"
                            + " once confirmed.")
    @APIResponse(
            responseCode = "200",
            description = "The secret and its otpauth:// URI",
            content = @Content(schema = @Schema(implementation = TotpEnrolmentResponse.class)))
    @APIResponse(responseCode = "401", description = ProblemDocs.E401)
    @APIResponse(responseCode = "409", description = "mfa_already_enabled: turn it off first")
    public RestResponse<TotpEnrolmentResponse> enrol() {
        return noStore(TotpEnrolmentResponse.from(enrolment.enrol(callers.current())));
    }

    @POST
    @Path("/mfa/totp/confirm")
    @Authenticated
    @SecurityRequirement(name = Docs.BEARER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn TOTP on with a current code; returns 10 recovery codes, once")
    @APIResponse(
            responseCode = "200",
            description = "TOTP is on; ten single-use recovery codes, shown only here",
            content = @Content(schema = @Schema(implementation = RecoveryCodesResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "401", description = ProblemDocs.E401)
    @APIResponse(
            responseCode = "409",
            description = "mfa_already_enabled, or mfa_not_enrolled (no enrolment to confirm)")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(
            responseCode = "422",
            description = "validation_failed: code (not 6 digits, or not the current code)")
    public RestResponse<RecoveryCodesResponse> confirm(@Valid @NotNull ConfirmTotpRequest body) {
        return noStore(
                new RecoveryCodesResponse(enrolment.confirm(callers.current(), body.code())));
    }

    @DELETE
    @Path("/mfa/totp")
    @Authenticated
    @SecurityRequirement(name = Docs.BEARER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn TOTP off with the current password; every other session ends")
    @APIResponse(responseCode = "204", description = "TOTP is off")
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "401",
            description =
                    "invalid_credentials (wrong current password), unauthenticated, token_invalid,"
                            + " token_expired or token_revoked")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = "validation_failed")
    @APIResponse(
            responseCode = "429",
            description = "too_many_attempts: the account is locked (Retry-After)")
    public RestResponse<Void> disable(@Valid @NotNull DisableTotpRequest body) {
        enrolment.disable(callers.current(), body.currentPassword());
        return RestResponse.noContent();
    }

    @POST
    @Path("/login/mfa")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Second step of a login: the mfa_token and a TOTP or recovery code",
            description =
                    "A TOTP code is accepted within one 30-second step of drift and at most once;"
                            + " a recovery code once. Wrong codes count toward the account"
                            + " lockout; the mfa_token is spent by the first right code and lives"
                            + " 5 minutes. Also sets the forge_refresh cookie.")
    @APIResponse(
            responseCode = "200",
            description = "Tokens (amr [\"pwd\", \"otp\"])",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "401",
            description =
                    "invalid_credentials (a wrong, used or replayed code), or token_invalid (the"
                            + " mfa_token is unknown, spent, expired, or voided by a password"
                            + " change)")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = "validation_failed")
    @APIResponse(
            responseCode = "429",
            description = "too_many_attempts (the account is locked) or rate_limited; Retry-After")
    public RestResponse<TokenResponse> loginMfa(
            @Valid @NotNull MfaLoginRequest body, HttpServerRequest request) {
        return AuthResource.tokens(
                login.complete(body.mfaToken(), body.code(), Requests.client(request, addresses)));
    }

    private static <T> RestResponse<T> noStore(T entity) {
        return RestResponse.ResponseBuilder.ok(entity)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
