package dev.patriotforge.quote.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Staff's prices for a submitted quote, validated for shape by the REST layer. */
public record PriceSheet(List<Line> items, int taxRateBps, Instant validUntil) {
    public PriceSheet {
        items = List.copyOf(items);
    }

    /** The unit price of one line of the quote. */
    public record Line(UUID id, long unitPriceMinor) {}
}
