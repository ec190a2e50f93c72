package dev.patriotforge.quote.rest;

import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import dev.patriotforge.quote.service.QuotePricer;
import dev.patriotforge.quote.service.QuoteStateMachine.Action;
import dev.patriotforge.quote.service.QuoteView;
import dev.patriotforge.quote.service.QuoteWorkflow;
import dev.patriotforge.shared.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * /api/quotes/{id}/submit, price, decline, cancel: the status changes ({@link
 * QuoteNegotiationResource} has request-changes, accept and the revisions). Which caller may do
 * which from which status is decided by the service's state table alone.
 */
@Path("/api/quotes")
@Tag(name = "Quotes", description = "Requests for prices, their pricing and the decision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
@APIResponse(responseCode = "401", description = ProblemDocs.E401)
@APIResponse(responseCode = "403", description = Docs.E403)
@APIResponse(responseCode = "404", description = Docs.E404)
@APIResponse(responseCode = "412", description = Docs.E412)
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class QuoteTransitionResource {
    private final QuoteWorkflow workflow;
    private final QuotePricer pricer;
    private final Callers callers;

    public QuoteTransitionResource(QuoteWorkflow workflow, QuotePricer pricer, Callers callers) {
        this.workflow = workflow;
        this.pricer = pricer;
        this.callers = callers;
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit a draft for pricing (owner)", description = "draft -> submitted")
    @APIResponse(
            responseCode = "200",
            description = Docs.OK,
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "409", description = Docs.E409)
    public RestResponse<QuoteView> submit(
            @RestPath UUID id,
            @Parameter(description = Docs.IF_MATCH) @RestHeader(IfMatch.HEADER) String ifMatch) {
        return transition(id, Action.SUBMIT, ifMatch);
    }

    @POST
    @Path("{id}/price")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Price a submitted quote, or re-price a priced one (staff, admin)",
            description = Docs.PRICE)
    @APIResponse(
            responseCode = "200",
            description = Docs.OK,
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.E400)
    @APIResponse(responseCode = "409", description = Docs.E409)
    @APIResponse(responseCode = "413", description = Docs.E413)
    @APIResponse(responseCode = "415", description = ProblemDocs.E415)
    @APIResponse(responseCode = "422", description = Docs.E422)
    public RestResponse<QuoteView> price(
            @RestPath UUID id,
            @Parameter(description = Docs.IF_MATCH) @RestHeader(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull PriceRequest body) {
        return QuoteResource.withEtag(
                pricer.price(callers.current(), id, body.toSheet(), IfMatch.parse(ifMatch)));
    }

    @POST
    @Path("{id}/decline")
    @Operation(summary = "Decline a priced quote (owner)", description = "priced -> declined")
    @APIResponse(
            responseCode = "200",
            description = Docs.OK,
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "409", description = Docs.E409)
    public RestResponse<QuoteView> decline(
            @RestPath UUID id,
            @Parameter(description = Docs.IF_MATCH) @RestHeader(IfMatch.HEADER) String ifMatch) {
        return transition(id, Action.DECLINE, ifMatch);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(
            summary = "Cancel a quote",
            description =
                    "owner: draft, submitted, priced; staff and admin: submitted, priced ->"
                            + " cancelled")
    @APIResponse(
            responseCode = "200",
            description = Docs.OK,
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "409", description = Docs.E409)
    public RestResponse<QuoteView> cancel(
            @RestPath UUID id,
            @Parameter(description = Docs.IF_MATCH) @RestHeader(IfMatch.HEADER) String ifMatch) {
        return transition(id, Action.CANCEL, ifMatch);
    }

    private RestResponse<QuoteView> transition(UUID id, Action action, String ifMatch) {
        return QuoteResource.withEtag(
                workflow.transition(callers.current(), id, action, IfMatch.parse(ifMatch)));
    }
}
