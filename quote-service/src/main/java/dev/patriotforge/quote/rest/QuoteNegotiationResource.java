package dev.patriotforge.quote.rest;

import dev.patriotforge.common.net.ClientAddress;
import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import dev.patriotforge.quote.service.Acceptance;
import dev.patriotforge.quote.service.QuoteRevisions;
import dev.patriotforge.quote.service.QuoteView;
import dev.patriotforge.quote.service.QuoteWorkflow;
import dev.patriotforge.quote.service.RevisionView;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.error.UnsupportedMediaType;
import dev.patriotforge.shared.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
 * The negotiation of a priced quote: the owner's change request and acceptance (with its evidence),
 * and the immutable revisions every pricing writes.
 */
@Path("/api/quotes")
@Tag(name = "Quotes", description = "Requests for prices, their pricing and the decision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
@APIResponse(responseCode = "401", description = ProblemDocs.E401)
@APIResponse(responseCode = "403", description = Docs.E403)
@APIResponse(responseCode = "404", description = Docs.E404)
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class QuoteNegotiationResource {
    /** The user agent kept as evidence is cut to this many characters. */
    static final int MAX_USER_AGENT = 512;

    private final QuoteWorkflow workflow;
    private final QuoteRevisions revisions;
    private final Callers callers;
    private final ClientAddress clientAddress;

    public QuoteNegotiationResource(
            QuoteWorkflow workflow,
            QuoteRevisions revisions,
            Callers callers,
            ClientAddress clientAddress) {
        this.workflow = workflow;
        this.revisions = revisions;
        this.callers = callers;
        this.clientAddress = clientAddress;
    }

    @POST
    @Path("{id}/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ask for changes to a priced quote (owner)",
            description = Docs.REQUEST_CHANGES)
    @APIResponse(
            responseCode = "200",
            description = Docs.OK,
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "409", description = Docs.E409)
    @APIResponse(responseCode = "412", description = Docs.E412)
    @APIResponse(responseCode = "413", description = Docs.E413)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = Docs.E422)
    public RestResponse<QuoteView> requestChanges(
            @RestPath UUID id,
            @Parameter(description = Docs.IF_MATCH) @RestHeader(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull RequestChangesRequest body) {
        return QuoteResource.withEtag(
                workflow.requestChanges(
                        callers.current(),
                        id,
                        body.reason(),
                        body.toItems(),
                        IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a priced quote (owner)", description = Docs.ACCEPT)
    @APIResponse(
            responseCode = "200",
            description = Docs.OK,
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(
            responseCode = "409",
            description = "invalid_state_transition, or quote_expired: past valid_until")
    @APIResponse(responseCode = "412", description = Docs.E412)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = Docs.E422)
    public RestResponse<QuoteView> accept(
            @RestPath UUID id,
            @Parameter(description = Docs.IF_MATCH) @RestHeader(IfMatch.HEADER) String ifMatch,
            @RestHeader(HttpHeaders.USER_AGENT) String userAgent,
            HttpServerRequest request,
            @Valid AcceptRequest body) {
        return accepted(id, ifMatch, userAgent, request, body == null ? AcceptRequest.NONE : body);
    }

    /** An accept without a body (any or no Content-Type): no stated evidence. */
    @POST
    @Path("{id}/accept")
    @Operation(hidden = true)
    public RestResponse<QuoteView> acceptWithoutBody(
            @RestPath UUID id,
            @RestHeader(IfMatch.HEADER) String ifMatch,
            @RestHeader(HttpHeaders.USER_AGENT) String userAgent,
            HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (chunked || (length != null && !"0".equals(length.strip()))) {
            throw new UnsupportedMediaType();
        }
        return accepted(id, ifMatch, userAgent, request, AcceptRequest.NONE);
    }

    private RestResponse<QuoteView> accepted(
            UUID id,
            String ifMatch,
            String userAgent,
            HttpServerRequest request,
            AcceptRequest stated) {
        Acceptance evidence =
                new Acceptance(
                        stated.signerName(),
                        stated.signerTitle(),
                        stated.purchaseOrder(),
                        clientAddress.of(request),
                        bounded(userAgent));
        return QuoteResource.withEtag(
                workflow.accept(callers.current(), id, evidence, IfMatch.parse(ifMatch)));
    }

    @GET
    @Path("{id}/revisions")
    @Operation(summary = "The revisions of a quote, oldest first", description = Docs.REVISIONS)
    @APIResponse(
            responseCode = "200",
            description = "One page: {items, next_cursor}",
            content = @Content(schema = @Schema(implementation = RevisionPage.class)))
    @APIResponse(responseCode = "422", description = "validation_failed: a bad cursor or limit")
    public CursorPage<RevisionView> revisions(
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
        return revisions.list(callers.current(), id, PageRequest.parse(cursor, limit));
    }

    @GET
    @Path("{id}/revisions/{n}")
    @Operation(summary = "One revision of a quote", description = Docs.REVISIONS)
    @APIResponse(
            responseCode = "200",
            description = "The revision",
            content = @Content(schema = @Schema(implementation = RevisionView.class)))
    public RevisionView revision(
            @RestPath UUID id,
            @Parameter(
                            description = "The revision number, from 1",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @RestPath
                    String n) {
        return revisions.get(callers.current(), id, n);
    }

    /** The user agent, cut to {@link #MAX_USER_AGENT} characters (never inside a pair). */
    static String bounded(String userAgent) {
        if (userAgent == null || userAgent.length() <= MAX_USER_AGENT) {
            return userAgent;
        }
        int end = MAX_USER_AGENT;
        if (Character.isHighSurrogate(userAgent.charAt(end - 1))) {
            end--;
        }
        return userAgent.substring(0, end);
    }
}
