package dev.patriotforge.quote.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything the PDF of one revision shows (contract section 3.1), all of it fixed once the
 * revision is written: the same document always renders to the same bytes.
 *
 * @param customerEmail the email kept on the quote at creation; null for older quotes, whose
 *     document shows {@code customerId} instead
 */
public record QuoteDocument(
        String seller,
        String number,
        int revision,
        UUID customerId,
        String customerEmail,
        String title,
        String notes,
        String currency,
        List<Line> lines,
        long subtotalMinor,
        long discountMinor,
        List<TaxLine> taxes,
        long taxMinor,
        long totalMinor,
        Instant validUntil,
        Instant pricedAt) {

    public QuoteDocument {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(pricedAt, "pricedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
    }

    /** One priced item; {@code taxRateBps} is the rate that applies (its own or the quote's). */
    public record Line(
            int position,
            String description,
            BigDecimal quantity,
            String unit,
            long unitPriceMinor,
            int discountBps,
            int taxRateBps,
            long lineTotalMinor) {}

    /** The tax of the lines at one rate. */
    public record TaxLine(int taxRateBps, long taxableMinor, long taxMinor) {}
}
