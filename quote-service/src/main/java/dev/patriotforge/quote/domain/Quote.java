package dev.patriotforge.quote.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A quote: a customer's request for prices, and staff's answer. Amounts in minor units. */
@Entity
@Table(name = "forge_quotes")
public class Quote {
    @Id public UUID id;

    @Column(nullable = false, updatable = false)
    public String number;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;

    /**
     * The customer's email as of creation (the token's {@code email} claim), for the quote's
     * documents; null for quotes created before V4 or from a token without one.
     */
    @Column(name = "customer_email", updatable = false, length = 254)
    public String customerEmail;

    @Column(nullable = false)
    public QuoteStatus status;

    @Column(nullable = false)
    public String title;

    public String notes;

    @Column(nullable = false, length = 3)
    public String currency;

    @OneToMany(mappedBy = "quote", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<QuoteItem> items = new ArrayList<>();

    /** The current revision: 0 until the first pricing, then the last one written. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "subtotal_minor")
    public Long subtotalMinor;

    @Column(name = "discount_minor")
    public Long discountMinor;

    @Column(name = "tax_rate_bps")
    public Integer taxRateBps;

    @Column(name = "tax_minor")
    public Long taxMinor;

    @Column(name = "total_minor")
    public Long totalMinor;

    /** The canonical JSON of the tax per rate group, or null before pricing. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tax_breakdown")
    public String taxBreakdown;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "priced_at")
    public Instant pricedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version public long version;

    /** Replaces the lines; the old ones are deleted with the quote's next flush. */
    public void replaceItems(List<QuoteItem> lines) {
        items.clear();
        for (QuoteItem line : lines) {
            line.quote = this;
            items.add(line);
        }
    }
}
