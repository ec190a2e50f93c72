package dev.patriotforge.quote.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * The customer's part of a quote, validated by the REST layer. On create every field is set
 * (defaults applied); on update a null field means "leave as it is".
 */
public record QuoteDraft(String title, String notes, String currency, List<Item> items) {
    public QuoteDraft {
        items = items == null ? null : List.copyOf(items);
    }

    /** One line as the customer describes it. */
    public record Item(String description, BigDecimal quantity, String unit) {}
}
