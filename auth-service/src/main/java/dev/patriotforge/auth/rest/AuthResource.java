package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.service.AuthService;
import dev.patriotforge.auth.service.IssuedTokens;
import dev.patriotforge.auth.service.LoginResult;
import dev.patriotforge.auth.service.SessionRefresh;
import dev.patriotforge.auth.service.SessionService;
import dev.patriotforge.auth.service.UserView;
import dev.patriotforge.common.net.ClientAddress;
import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import dev.patriotforge.shared.error.UnsupportedMediaType;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestResponse;

/** Registration, login, token refresh and logout. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Accounts, logins and tokens")
public class AuthResource {
    private final AuthService auth;
    private final SessionService sessions;
    private final SessionRefresh refreshes;
    private final Callers callers;
    private final ClientAddress addresses;

    public AuthResource(
            AuthService auth,
            SessionService sessions,
            SessionRefresh refreshes,
            Callers callers,
            ClientAddress addresses) {
        this.auth = auth;
        this.sessions = sessions;
        this.refreshes = refreshes;
        this.callers = callers;
        this.addresses = addresses;
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a customer account")
    @APIResponse(
            responseCode = "201",
            description = "The new user",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "409", description = "duplicate_email")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(
            responseCode = "422",
            description =
                    "validation_failed: a bad email, display_name, or a password that is too short,"
                            + " too long, too common or contains the email's name")
    @APIResponse(
            responseCode = "429",
            description = "rate_limited: too many registrations from this IP (Retry-After)")
    @APIResponse(responseCode = "503", description = ProblemDocs.E503)
    public RestResponse<UserView> register(
            @Valid @NotNull RegisterRequest body, HttpServerRequest request) {
        UserView user =
                auth.register(
                        body.email(),
                        body.password(),
                        body.displayName(),
                        Requests.client(request, addresses));
        return RestResponse.ResponseBuilder.<UserView>created(
                        URI.create("/api/auth/users/" + user.id()))
                .entity(user)
                .build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Log in with email and password; also sets the forge_refresh cookie",
            description =
                    "For an account with TOTP on, the right password gives only {mfa_required,"
                            + " mfa_token, expires_in} (no tokens, no cookie): finish at"
                            + " POST /api/auth/login/mfa.")
    @APIResponse(
            responseCode = "200",
            description = "Tokens, or the second step when TOTP is on",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            oneOf = {
                                                TokenResponse.class,
                                                MfaChallengeResponse.class
                                            })))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "401",
            description = "invalid_credentials: the same answer whether or not the email exists")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = "validation_failed")
    @APIResponse(
            responseCode = "429",
            description =
                    "too_many_attempts (the account is locked) or rate_limited (this IP, or the"
                            + " server is saturated); Retry-After")
    @APIResponse(responseCode = "503", description = ProblemDocs.E503)
    public RestResponse<?> login(@Valid @NotNull LoginRequest body, HttpServerRequest request) {
        LoginResult result =
                auth.login(body.email(), body.password(), Requests.client(request, addresses));
        if (result.mfaRequired()) {
            return RestResponse.ResponseBuilder.ok(MfaChallengeResponse.from(result))
                    .header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        }
        return tokens(result.tokens());
    }

    @POST
    @Path("/refresh")
    @Operation(
            summary = "Exchange a refresh token (body or forge_refresh cookie) for new tokens",
            description =
                    "The presented refresh token is spent. Presenting a spent one again ends its"
                            + " session, except the immediately previous refresh token of the"
                            + " session presented again within FORGE_AUTH_REFRESH_GRACE (default"
                            + " 10 s), which gets a fresh pair for the same session.")
    @APIResponse(
            responseCode = "200",
            description = "New tokens",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "401",
            description =
                    "unauthenticated (no token), token_invalid, token_expired, token_revoked (the"
                            + " session ended) or refresh_token_reused (the session is now ended)")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = "validation_failed")
    @APIResponse(responseCode = "503", description = ProblemDocs.E503)
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<TokenResponse> refresh(
            @Valid RefreshRequest body,
            @RestCookie(RefreshCookie.NAME) String cookie,
            HttpServerRequest request) {
        Secret token =
                body != null && body.refreshToken() != null
                        ? body.refreshToken()
                        : cookie == null ? null : Secret.of(cookie);
        return tokens(refreshes.refresh(token, Requests.client(request, addresses)));
    }

    /** A browser's refresh: no body at all, only the forge_refresh cookie. */
    @POST
    @Path("/refresh")
    @Operation(hidden = true)
    public RestResponse<TokenResponse> refreshWithCookie(
            @RestCookie(RefreshCookie.NAME) String cookie, HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (chunked || (length != null && !"0".equals(length.strip()))) {
            throw new UnsupportedMediaType();
        }
        Secret token = cookie == null ? null : Secret.of(cookie);
        return tokens(refreshes.refresh(token, Requests.client(request, addresses)));
    }

    @POST
    @Path("/logout")
    @Authenticated
    @SecurityRequirement(name = Docs.BEARER)
    @Operation(summary = "End the caller's session: its access and refresh tokens stop working")
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "401", description = ProblemDocs.E401)
    @APIResponse(responseCode = "503", description = ProblemDocs.E503)
    public RestResponse<Void> logout() {
        sessions.logout(callers.current());
        return RestResponse.ResponseBuilder.<Void>noContent()
                .cookie(RefreshCookie.cleared())
                .build();
    }

    @POST
    @Path("/logout-all")
    @Authenticated
    @SecurityRequirement(name = Docs.BEARER)
    @Operation(summary = "End every session of the caller")
    @APIResponse(responseCode = "204", description = "Every session ended")
    @APIResponse(responseCode = "401", description = ProblemDocs.E401)
    @APIResponse(responseCode = "403", description = Docs.E403_MFA)
    @APIResponse(responseCode = "503", description = ProblemDocs.E503)
    public RestResponse<Void> logoutAll() {
        sessions.logoutAll(callers.current());
        return RestResponse.ResponseBuilder.<Void>noContent()
                .cookie(RefreshCookie.cleared())
                .build();
    }

    static RestResponse<TokenResponse> tokens(IssuedTokens tokens) {
        return RestResponse.ResponseBuilder.ok(TokenResponse.from(tokens))
                .cookie(RefreshCookie.of(tokens.refreshToken(), tokens.refreshTtl()))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
