package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.QuoteView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of quotes (the response itself is a CursorPage). */
@Schema(name = "QuotePage")
record QuotePage(
        List<QuoteView> items,
        @Schema(
                        description = "Pass as ?cursor= for the next page; null on the last page",
                        nullable = true)
                String nextCursor) {}
