package dev.patriotforge.quote.rest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.patriotforge.quote.service.PriceSheet;
import dev.patriotforge.quote.service.Pricing;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /api/quotes/{id}/price. Integers are read as {@link BigInteger} so that a number
 * too large for Java's types is still a 422 naming the field.
 */
@Schema(name = "QuotePricing")
public record PriceRequest(
        @Schema(description = "A unit price for every item of the quote, each exactly once")
                @NotNull
                @Size(min = 1, max = 100)
                List<@NotNull @Valid Line> items,
        @Schema(
                        type =
                                org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                        .INTEGER,
                        minimum = "0",
                        maximum = "10000",
                        examples = "825")
                @NotNull
                @Min(0)
                @Max(10_000)
                BigInteger taxRateBps,
        @Schema(description = "RFC 3339; in the future and at most a year ahead")
                @NotNull
                @JsonDeserialize(using = Rfc3339Instant.class)
                Instant validUntil,
        @Schema(description = "Kept with the revision; 0..2000 characters", maxLength = 2000)
                @Size(max = 2000)
                @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String note) {

    /** The price of one item. */
    @Schema(name = "QuoteItemPrice")
    public record Line(
            @NotNull UUID id,
            @Schema(
                            type =
                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                            .INTEGER,
                            minimum = "0",
                            examples = "1999")
                    @NotNull
                    @Min(0)
                    @Max(Pricing.MAX_AMOUNT_MINOR)
                    BigInteger unitPriceMinor,
            @Schema(
                            type =
                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                            .INTEGER,
                            minimum = "0",
                            maximum = "10000",
                            defaultValue = "0",
                            description = "The line's discount in basis points (default 0)")
                    @Min(0)
                    @Max(10_000)
                    BigInteger discountBps,
            @Schema(
                            type =
                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                            .INTEGER,
                            minimum = "0",
                            maximum = "10000",
                            nullable = true,
                            description = "The line's own tax rate; absent: the quote's")
                    @Min(0)
                    @Max(10_000)
                    BigInteger taxRateBps) {}

    PriceSheet toSheet() {
        return new PriceSheet(
                items.stream()
                        .map(
                                l ->
                                        new PriceSheet.Line(
                                                l.id(),
                                                l.unitPriceMinor().longValueExact(),
                                                l.discountBps() == null
                                                        ? 0
                                                        : l.discountBps().intValueExact(),
                                                l.taxRateBps() == null
                                                        ? null
                                                        : l.taxRateBps().intValueExact()))
                        .toList(),
                taxRateBps.intValueExact(),
                validUntil,
                note);
    }
}
