package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.QuoteEventView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of a quote's audit trail (the response itself is a CursorPage). */
@Schema(name = "QuoteEventPage")
record EventPage(
        List<QuoteEventView> items,
        @Schema(
                        description = "Pass as ?cursor= for the next page; null on the last page",
                        nullable = true)
                String nextCursor) {}
