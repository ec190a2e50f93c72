package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.webhook.WebhookDeliveryView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of a subscription's deliveries (the response is a CursorPage). */
@Schema(name = "WebhookDeliveryPage")
record WebhookDeliveryPage(
        List<WebhookDeliveryView> items,
        @Schema(
                        description = "Pass as ?cursor= for the next page; null on the last page",
                        nullable = true)
                String nextCursor) {}
