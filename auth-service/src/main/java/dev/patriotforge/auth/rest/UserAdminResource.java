package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.TotpEnrolment;
import dev.patriotforge.auth.service.UserAdminService;
import dev.patriotforge.auth.service.UserView;
import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** Account administration; admins only. */
@Path("/api/auth/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = Docs.BEARER)
@Tag(name = "users", description = "Account administration (admin)")
@APIResponse(responseCode = "401", description = ProblemDocs.E401)
@APIResponse(responseCode = "403", description = Docs.E403_ADMIN)
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class UserAdminResource {
    private final UserAdminService users;
    private final Callers callers;
    private final TotpEnrolment mfa;

    public UserAdminResource(UserAdminService users, Callers callers, TotpEnrolment mfa) {
        this.users = users;
        this.callers = callers;
        this.mfa = mfa;
    }

    @GET
    @Operation(summary = "Live users, newest first, keyset-paginated")
    @APIResponse(
            responseCode = "200",
            description = "A page of users; next_cursor is null on the last page",
            content = @Content(schema = @Schema(implementation = CursorPage.class)))
    @APIResponse(responseCode = "422", description = "validation_failed: limit, cursor or role")
    public CursorPage<UserView> list(
            @RestQuery @Parameter(description = "Exact email") String email,
            @RestQuery @Parameter(description = "customer, staff or admin") String role,
            @RestQuery @Parameter(description = "1..100, default 20") String limit,
            @RestQuery @Parameter(description = "next_cursor of the previous page") String cursor) {
        return users.list(callers.current(), email, role, PageRequest.parse(cursor, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One user")
    @APIResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = Docs.E404_USER)
    public UserView get(@RestPath UUID id) {
        return users.get(callers.current(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's role; the user's sessions are revoked")
    @APIResponse(
            responseCode = "200",
            description = "The updated user",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "404", description = Docs.E404_USER)
    @APIResponse(
            responseCode = "409",
            description = "last_admin: the user is the last live admin and may not be demoted")
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = "validation_failed: role")
    public UserView changeRole(@RestPath UUID id, @Valid @NotNull ChangeRoleRequest body) {
        return users.changeRole(callers.current(), id, body.role());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Soft-delete a user; sessions revoked, the email may register again")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = Docs.E404_USER)
    @APIResponse(
            responseCode = "409",
            description = "last_admin: the user is the last live admin and may not be deleted")
    public RestResponse<Void> delete(@RestPath UUID id) {
        users.delete(callers.current(), id);
        return RestResponse.noContent();
    }

    @DELETE
    @Path("/{id}/mfa")
    @Operation(summary = "Turn a user's TOTP off; every session of that user ends")
    @APIResponse(responseCode = "204", description = "TOTP is off")
    @APIResponse(responseCode = "404", description = Docs.E404_USER)
    public RestResponse<Void> resetMfa(@RestPath UUID id) {
        mfa.reset(callers.current(), id);
        return RestResponse.noContent();
    }
}
