package dev.patriotforge.quote.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/webhooks. */
@Schema(name = "WebhookCreate")
public record CreateWebhookRequest(
        @Schema(
                        description =
                                "https only; its host must not resolve to a loopback, private,"
                                        + " link-local or metadata address",
                        examples = "https://example.com/hooks/forge")
                @NotBlank
                @Size(max = 2048)
                @Pattern(regexp = "\\p{Graph}*", message = "must not contain spaces or controls")
                String url,
        @Schema(
                        description =
                                "quote.created, quote.submitted, quote.priced,"
                                        + " quote.changes_requested, quote.accepted,"
                                        + " quote.declined, quote.expired, quote.cancelled,"
                                        + " quote.deleted")
                @NotNull
                @Size(min = 1, max = 9)
                List<@NotNull @Size(max = 40) String> events,
        @Size(max = 500) @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String description) {}
