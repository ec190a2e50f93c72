package dev.patriotforge.quote.rest;

import dev.patriotforge.common.openapi.ProblemDocs;
import dev.patriotforge.common.security.Callers;
import dev.patriotforge.quote.service.QuoteDocuments;
import dev.patriotforge.shared.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.jboss.resteasy.reactive.RestResponse;

/** The quote document (PDF) of a priced revision, contract section 3.1. */
@Path("/api/quotes")
@Tag(name = "Quotes", description = "Requests for prices, their pricing and the decision")
@RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
@APIResponse(responseCode = "401", description = ProblemDocs.E401)
@APIResponse(responseCode = "403", description = Docs.E403)
@APIResponse(responseCode = "404", description = Docs.E404_DOCUMENT)
@APIResponse(responseCode = "503", description = ProblemDocs.E503)
public class QuoteDocumentResource {
    static final String PDF = "application/pdf";

    private final QuoteDocuments documents;
    private final Callers callers;

    public QuoteDocumentResource(QuoteDocuments documents, Callers callers) {
        this.documents = documents;
        this.callers = callers;
    }

    @GET
    @Path("{id}/revisions/{n}/pdf")
    @Produces(PDF)
    @Operation(summary = "The quote document (PDF) of one revision", description = Docs.DOCUMENT)
    @APIResponse(
            responseCode = "200",
            description =
                    "The PDF, with ETag (the SHA-256 of its bytes) and Cache-Control: private",
            content =
                    @Content(
                            mediaType = PDF,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "If-None-Match names the document's ETag")
    public RestResponse<byte[]> pdf(
            @RestPath UUID id,
            @Parameter(
                            description = "The revision number, from 1",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @RestPath
                    String n,
            @Parameter(description = "An ETag of this document: 304 without a body")
                    @RestHeader(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch) {
        QuoteDocuments.Pdf pdf = documents.pdf(callers.current(), id, n);
        RestResponse.ResponseBuilder<byte[]> response =
                IfNoneMatch.matches(ifNoneMatch, pdf.etag())
                        ? RestResponse.ResponseBuilder.<byte[]>create(
                                RestResponse.Status.NOT_MODIFIED)
                        : RestResponse.ResponseBuilder.<byte[]>ok(pdf.bytes(), PDF)
                                .header(
                                        "Content-Disposition",
                                        "inline; filename=\"" + pdf.fileName() + "\"");
        return response.header(HttpHeaders.ETAG, pdf.etag())
                .header(HttpHeaders.CACHE_CONTROL, "private")
                .build();
    }
}
