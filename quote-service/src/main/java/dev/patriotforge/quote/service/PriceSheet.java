package dev.patriotforge.quote.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Staff's prices for a quote, validated for shape by the REST layer. */
public record PriceSheet(List<Line> items, int taxRateBps, Instant validUntil, String note) {
    public PriceSheet {
        items = List.copyOf(items);
    }

    /** The price of one line: unit price, discount, and its own tax rate (null: the quote's). */
    public record Line(UUID id, long unitPriceMinor, int discountBps, Integer taxRateBps) {}
}
