package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.QuoteDraft;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a create or update body. */
@Schema(name = "QuoteItemInput")
public record ItemRequest(
        @NotBlank
                @Size(max = 500)
                @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String description,
        @Schema(
                        description = "A JSON number > 0 with at most 3 decimals, at most 1000000",
                        examples = "2.5")
                @NotNull
                @DecimalMin(value = "0", inclusive = false)
                @DecimalMax("1000000")
                @MaxDecimals(3)
                BigDecimal quantity,
        @Schema(defaultValue = DEFAULT_UNIT, maxLength = 20)
                @Size(min = 1, max = 20)
                @Pattern(regexp = TextRules.NOT_BLANK, message = "must not be blank")
                @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String unit) {

    static final String DEFAULT_UNIT = "ea";

    QuoteDraft.Item toItem() {
        return new QuoteDraft.Item(description, quantity, unit == null ? DEFAULT_UNIT : unit);
    }
}
