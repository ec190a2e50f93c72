package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.webhook.WebhookView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of webhook subscriptions (the response is a CursorPage). */
@Schema(name = "WebhookPage")
record WebhookPage(
        List<WebhookView> items,
        @Schema(
                        description = "Pass as ?cursor= for the next page; null on the last page",
                        nullable = true)
                String nextCursor) {}
