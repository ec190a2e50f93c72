package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.QuoteDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of PATCH /api/quotes/{id}: every field optional; absent or null keeps the value. */
@Schema(name = "QuoteUpdate")
public record UpdateQuoteRequest(
        @Size(min = 1, max = 200)
                @Pattern(regexp = TextRules.NOT_BLANK, message = "must not be blank")
                @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String title,
        @Size(max = 5000)
                @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String notes,
        @Schema(description = "ISO 4217") @IsoCurrency String currency,
        @Schema(description = "Replaces every line of the quote") @Size(min = 1, max = 100)
                List<@NotNull @Valid ItemRequest> items) {

    QuoteDraft toDraft() {
        return new QuoteDraft(
                title,
                notes,
                currency,
                items == null ? null : items.stream().map(ItemRequest::toItem).toList());
    }
}
