package dev.patriotforge.quote.rest;

import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import dev.patriotforge.quote.service.webhook.WebhookCreatedView;
import dev.patriotforge.quote.service.webhook.WebhookDeliveryView;
import dev.patriotforge.quote.service.webhook.WebhookView;
import dev.patriotforge.quote.service.webhook.Webhooks;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** /api/webhooks: admins' subscriptions to quote events, their delivery logs and retries. */
@Path("/api/webhooks")
@Tag(name = "Webhooks", description = "Signed quote events sent to subscribers (admin)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", description = ProblemDocs.E401)
@APIResponse(responseCode = "403", description = "forbidden: only admins manage webhooks")
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class WebhookResource {
    private final Webhooks webhooks;
    private final Callers callers;

    public WebhookResource(Webhooks webhooks, Callers callers) {
        this.webhooks = webhooks;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to quote events", description = Docs.WEBHOOK_CREATE)
    @APIResponse(
            responseCode = "201",
            description = "The subscription with its signing secret (shown only here); Location",
            content = @Content(schema = @Schema(implementation = WebhookCreatedView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "409",
            description = "quota_exceeded: FORGE_WEBHOOK_MAX_SUBSCRIPTIONS exist")
    @APIResponse(responseCode = "413", description = Docs.E413)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(
            responseCode = "422",
            description =
                    "validation_failed: a URL that is not https, has credentials or resolves to a"
                            + " loopback, private, link-local or metadata address; an unknown"
                            + " event type; a field too long")
    public RestResponse<WebhookCreatedView> create(
            @Valid @NotNull CreateWebhookRequest body, UriInfo uri) {
        WebhookCreatedView created =
                webhooks.create(callers.current(), body.url(), body.events(), body.description());
        URI location =
                uri.getBaseUriBuilder().path("api/webhooks").path(created.id().toString()).build();
        return RestResponse.ResponseBuilder.<WebhookCreatedView>created(location)
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List the subscriptions, newest first")
    @APIResponse(
            responseCode = "200",
            description = "One page: {items, next_cursor}",
            content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    @APIResponse(responseCode = "422", description = "validation_failed: a bad cursor or limit")
    public CursorPage<WebhookView> list(
            @RestQuery @Parameter(description = "next_cursor of the previous page") String cursor,
            @RestQuery @Parameter(description = "1..100, default 20") String limit) {
        return webhooks.list(callers.current(), PageRequest.parse(cursor, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription (without its secret)")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = Docs.E404_WEBHOOK)
    public WebhookView get(@RestPath UUID id) {
        return webhooks.get(callers.current(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription with its delivery log; nothing more is sent")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = Docs.E404_WEBHOOK)
    public RestResponse<Void> delete(@RestPath UUID id) {
        webhooks.delete(callers.current(), id);
        return RestResponse.noContent();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            summary = "The subscription's deliveries, newest first",
            description = Docs.WEBHOOK_DELIVERIES)
    @APIResponse(
            responseCode = "200",
            description = "One page: {items, next_cursor}",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryPage.class)))
    @APIResponse(responseCode = "404", description = Docs.E404_WEBHOOK)
    @APIResponse(responseCode = "422", description = "validation_failed: a bad cursor or limit")
    public CursorPage<WebhookDeliveryView> deliveries(
            @RestPath UUID id,
            @RestQuery @Parameter(description = "next_cursor of the previous page") String cursor,
            @RestQuery @Parameter(description = "1..100, default 20") String limit) {
        return webhooks.deliveries(callers.current(), id, PageRequest.parse(cursor, limit));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(
            summary = "Send a delivery again now",
            description =
                    "Whatever its status: it becomes pending and due now; if that attempt fails it"
                            + " is retried with backoff for FORGE_WEBHOOK_RETRY_FOR (24 h) from"
                            + " now. The event keeps its id (webhook-id).")
    @APIResponse(
            responseCode = "202",
            description = "The delivery, pending",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryView.class)))
    @APIResponse(responseCode = "404", description = "not_found: no such subscription or delivery")
    public RestResponse<WebhookDeliveryView> retry(
            @RestPath UUID id, @RestPath("deliveryId") UUID deliveryId) {
        return RestResponse.status(
                RestResponse.Status.ACCEPTED, webhooks.retry(callers.current(), id, deliveryId));
    }
}
