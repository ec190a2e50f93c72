package dev.patriotforge.quote.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a quote. Part of the quote aggregate: replaced with it, versioned and soft-deleted
 * through it, so it has no version or deleted_at of its own.
 */
@Entity
@Table(name = "forge_quote_items")
public class QuoteItem {
    @Id public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "quote_id", nullable = false, updatable = false)
    public Quote quote;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false, precision = 10, scale = 3)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String unit;

    @Column(name = "unit_price_minor")
    public Long unitPriceMinor;

    @Column(name = "discount_bps")
    public Integer discountBps;

    /** The line's own tax rate; null when it takes the quote's. */
    @Column(name = "tax_rate_bps")
    public Integer taxRateBps;

    @Column(name = "line_gross_minor")
    public Long lineGrossMinor;

    @Column(name = "line_discount_minor")
    public Long lineDiscountMinor;

    @Column(name = "line_total_minor")
    public Long lineTotalMinor;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
