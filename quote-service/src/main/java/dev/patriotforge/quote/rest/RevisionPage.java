package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.RevisionView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of a quote's revisions (the response itself is a CursorPage). */
@Schema(name = "QuoteRevisionPage")
record RevisionPage(
        List<RevisionView> items,
        @Schema(
                        description = "Pass as ?cursor= for the next page; null on the last page",
                        nullable = true)
                String nextCursor) {}
