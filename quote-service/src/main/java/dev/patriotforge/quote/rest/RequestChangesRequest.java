package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.QuoteDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/quotes/{id}/request-changes. */
@Schema(name = "QuoteChangeRequest")
public record RequestChangesRequest(
        @Schema(description = "What should change; kept in the audit trail", maxLength = 2000)
                @NotBlank
                @Size(max = 2000)
                @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String reason,
        @Schema(description = "Optional; as in create, replaces every line")
                @Size(min = 1, max = 100)
                List<@NotNull @Valid ItemRequest> items) {

    List<QuoteDraft.Item> toItems() {
        return items == null ? null : items.stream().map(ItemRequest::toItem).toList();
    }
}
