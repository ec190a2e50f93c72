package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.QuoteDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/quotes. */
@Schema(name = "QuoteCreate")
public record CreateQuoteRequest(
        @NotBlank
                @Size(max = 200)
                @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String title,
        @Size(max = 5000)
                @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String notes,
        @Schema(defaultValue = DEFAULT_CURRENCY, description = "ISO 4217") @IsoCurrency
                String currency,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid ItemRequest> items) {

    static final String DEFAULT_CURRENCY = "USD";

    QuoteDraft toDraft() {
        return new QuoteDraft(
                title,
                notes,
                currency == null ? DEFAULT_CURRENCY : currency,
                items.stream().map(ItemRequest::toItem).toList());
    }
}
