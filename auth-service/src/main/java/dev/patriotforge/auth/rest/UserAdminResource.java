package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.rest.Bodies.ChangeRoleRequest;
import dev.patriotforge.auth.rest.Bodies.UserResponse;
import dev.patriotforge.auth.service.UserAdminService;
import dev.patriotforge.auth.service.UserView;
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
@SecurityRequirement(name = OpenApi.BEARER)
@Tag(name = "users", description = "Account administration (admin)")
public class UserAdminResource {
    private final UserAdminService users;
    private final Callers callers;

    public UserAdminResource(UserAdminService users, Callers callers) {
        this.users = users;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "Live users, newest first, keyset-paginated")
    @APIResponse(
            responseCode = "200",
            description = "A page of users; next_cursor is null on the last page",
            content = @Content(schema = @Schema(implementation = CursorPage.class)))
    @APIResponse(
            responseCode = "401",
            description = "unauthenticated, token_invalid, token_expired or token_revoked")
    @APIResponse(
            responseCode = "403",
            description = "forbidden: the caller's current role is not admin")
    @APIResponse(responseCode = "422", description = "validation_failed: limit, cursor or role")
    @APIResponse(responseCode = "503", description = "dependency_unavailable (Retry-After)")
    public CursorPage<UserResponse> list(
            @RestQuery @Parameter(description = "Exact email") String email,
            @RestQuery @Parameter(description = "customer, staff or admin") String role,
            @RestQuery @Parameter(description = "1..100, default 20") String limit,
            @RestQuery @Parameter(description = "next_cursor of the previous page") String cursor) {
        CursorPage<UserView> page =
                users.list(callers.current(), email, role, PageRequest.parse(cursor, limit));
        return new CursorPage<>(
                page.items().stream().map(UserResponse::from).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One user")
    @APIResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "unauthenticated, token_invalid, token_expired or token_revoked")
    @APIResponse(
            responseCode = "403",
            description = "forbidden: the caller's current role is not admin")
    @APIResponse(responseCode = "404", description = "not_found (absent or deleted)")
    @APIResponse(responseCode = "503", description = "dependency_unavailable (Retry-After)")
    public UserResponse get(@RestPath UUID id) {
        return UserResponse.from(users.get(callers.current(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's role; the user's sessions are revoked")
    @APIResponse(
            responseCode = "200",
            description = "The updated user",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "malformed_request")
    @APIResponse(
            responseCode = "401",
            description = "unauthenticated, token_invalid, token_expired or token_revoked")
    @APIResponse(
            responseCode = "403",
            description = "forbidden: the caller's current role is not admin")
    @APIResponse(responseCode = "404", description = "not_found (absent or deleted)")
    @APIResponse(
            responseCode = "409",
            description = "last_admin: the user is the last live admin and may not be demoted")
    @APIResponse(responseCode = "415", description = "unsupported_media_type")
    @APIResponse(responseCode = "422", description = "validation_failed: role")
    @APIResponse(responseCode = "503", description = "dependency_unavailable (Retry-After)")
    public UserResponse changeRole(@RestPath UUID id, @Valid @NotNull ChangeRoleRequest body) {
        return UserResponse.from(users.changeRole(callers.current(), id, body.role()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Soft-delete a user; sessions revoked, the email may register again")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "401",
            description = "unauthenticated, token_invalid, token_expired or token_revoked")
    @APIResponse(
            responseCode = "403",
            description = "forbidden: the caller's current role is not admin")
    @APIResponse(responseCode = "404", description = "not_found (absent or deleted)")
    @APIResponse(
            responseCode = "409",
            description = "last_admin: the user is the last live admin and may not be deleted")
    @APIResponse(responseCode = "503", description = "dependency_unavailable (Retry-After)")
    public RestResponse<Void> delete(@RestPath UUID id) {
        users.delete(callers.current(), id);
        return RestResponse.noContent();
    }
}
