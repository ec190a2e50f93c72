package dev.patriotforge.quote.rest;

import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import dev.patriotforge.quote.service.IdempotentCreates;
import dev.patriotforge.quote.service.QuoteEventView;
import dev.patriotforge.quote.service.QuoteService;
import dev.patriotforge.quote.service.QuoteView;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * /api/quotes: creating, reading, listing, editing and deleting quotes ({@link
 * QuoteTransitionResource} has the status changes). Every method maps the request, calls a service
 * and maps the result; every error is a shared-domain exception that ProblemMapper renders.
 */
@Path("/api/quotes")
@Tag(name = "Quotes", description = "Requests for prices, their pricing and the decision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
@APIResponse(responseCode = "401", description = ProblemDocs.E401)
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class QuoteResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final QuoteService quotes;
    private final IdempotentCreates creates;
    private final Callers callers;

    public QuoteResource(QuoteService quotes, IdempotentCreates creates, Callers callers) {
        this.quotes = quotes;
        this.creates = creates;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft quote owned by the caller", description = Docs.CREATE)
    @APIResponse(
            responseCode = "201",
            description = "The new quote (or the replayed first response); Location and ETag",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "403", description = Docs.E403)
    @APIResponse(
            responseCode = "409",
            description =
                    "idempotency_key_in_use: a request with this key is still running;"
                            + " quota_exceeded: the caller has the most open quotes allowed")
    @APIResponse(responseCode = "413", description = Docs.E413)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(
            responseCode = "422",
            description =
                    "validation_failed, or idempotency_key_reused: the key came with another body")
    @APIResponse(
            responseCode = "429",
            description = "rate_limited: too many creates by this user in the window; Retry-After")
    public RestResponse<QuoteView> create(
            @Parameter(
                            description =
                                    "1 to 255 characters; the same key and body replay the first"
                                            + " response for 24 hours")
                    @RestHeader(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @Valid @NotNull CreateQuoteRequest body,
            UriInfo uri,
            HttpServerRequest request) {
        // Quarkus reads an empty header as absent; an empty key breaks the length rule instead.
        String key =
                idempotencyKey == null && request.headers().contains(IDEMPOTENCY_KEY)
                        ? ""
                        : idempotencyKey;
        IdempotentCreates.Created created = creates.create(callers.current(), body.toDraft(), key);
        QuoteView quote = created.quote();
        URI location =
                uri.getBaseUriBuilder().path("api/quotes").path(quote.id().toString()).build();
        RestResponse.ResponseBuilder<QuoteView> response =
                RestResponse.ResponseBuilder.<QuoteView>created(location)
                        .entity(quote)
                        .header("ETag", IfMatch.etag(quote.version()));
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Operation(
            summary = "List the quotes the caller may see, newest first",
            description = Docs.LIST)
    @APIResponse(
            responseCode = "200",
            description = "One page: {items, next_cursor}",
            content = @Content(schema = @Schema(implementation = QuotePage.class)))
    @APIResponse(responseCode = "403", description = Docs.E403)
    @APIResponse(
            responseCode = "422",
            description = "validation_failed: a bad status, customer_id, cursor or limit")
    public CursorPage<QuoteView> list(
            @Parameter(
                            description =
                                    "Repeatable: draft, submitted, priced, accepted, declined,"
                                            + " expired, cancelled",
                            schema =
                                    @Schema(type = SchemaType.ARRAY, implementation = String.class))
                    @RestQuery("status")
                    List<String> status,
            @Parameter(
                            description =
                                    "Only this customer's quotes (staff and admin see anyone's)",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @RestQuery("customer_id")
                    String customerId,
            @Parameter(description = "next_cursor of the previous page") @RestQuery("cursor")
                    String cursor,
            @Parameter(
                            description = "1..100, default 20",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @RestQuery("limit")
                    String limit) {
        return quotes.list(callers.current(), ListParams.parse(status, customerId, cursor, limit));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "One quote",
            description =
                    "Customers see their own quotes; staff and admin everyone's except other"
                            + " people's drafts.")
    @APIResponse(
            responseCode = "200",
            description = "The quote, with ETag",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "403", description = Docs.E403)
    @APIResponse(responseCode = "404", description = Docs.E404)
    public RestResponse<QuoteView> get(@RestPath UUID id) {
        return withEtag(quotes.get(callers.current(), id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Edit a draft (owner)",
            description =
                    "Fields as in create, all optional; items replaces the list. If-Match is"
                            + " required.")
    @APIResponse(
            responseCode = "200",
            description = "The updated quote, with ETag",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "403", description = Docs.E403)
    @APIResponse(responseCode = "404", description = Docs.E404)
    @APIResponse(responseCode = "409", description = Docs.E409)
    @APIResponse(responseCode = "412", description = Docs.E412)
    @APIResponse(responseCode = "413", description = Docs.E413)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = Docs.E422)
    @APIResponse(responseCode = "428", description = "precondition_required: If-Match is missing")
    public RestResponse<QuoteView> update(
            @RestPath UUID id,
            @Parameter(description = Docs.IF_MATCH, required = true) @RestHeader(IfMatch.HEADER)
                    String ifMatch,
            @Valid @NotNull UpdateQuoteRequest body) {
        return withEtag(
                quotes.update(callers.current(), id, body.toDraft(), IfMatch.parse(ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a quote (owner: drafts; admin: any)",
            description = "A soft delete: the quote answers 404 afterwards.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = Docs.E403)
    @APIResponse(responseCode = "404", description = Docs.E404)
    @APIResponse(responseCode = "409", description = Docs.E409)
    @APIResponse(responseCode = "412", description = Docs.E412)
    public RestResponse<Void> delete(
            @RestPath UUID id,
            @Parameter(description = Docs.IF_MATCH) @RestHeader(IfMatch.HEADER) String ifMatch) {
        quotes.delete(callers.current(), id, IfMatch.parse(ifMatch));
        return RestResponse.noContent();
    }

    @GET
    @Path("{id}/events")
    @Operation(
            summary = "The audit trail of a quote, oldest first",
            description =
                    "Keyset-paginated like every list: ?limit= 1..100 (default 20), ?cursor=.")
    @APIResponse(
            responseCode = "200",
            description =
                    "One page: {items: [{id, type, actor_id, from_status, to_status, at, details}],"
                            + " next_cursor}",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "403", description = Docs.E403)
    @APIResponse(responseCode = "404", description = Docs.E404)
    @APIResponse(responseCode = "422", description = "validation_failed: a bad cursor or limit")
    public CursorPage<QuoteEventView> events(
            @RestPath UUID id,
            @Parameter(description = "next_cursor of the previous page") @RestQuery("cursor")
                    String cursor,
            @Parameter(
                            description = "1..100, default 20",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @RestQuery("limit")
                    String limit) {
        return quotes.events(callers.current(), id, PageRequest.parse(cursor, limit));
    }

    static RestResponse<QuoteView> withEtag(QuoteView quote) {
        return RestResponse.ResponseBuilder.ok(quote)
                .header("ETag", IfMatch.etag(quote.version()))
                .build();
    }
}
