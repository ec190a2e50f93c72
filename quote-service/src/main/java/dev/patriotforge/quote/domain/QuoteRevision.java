package dev.patriotforge.quote.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One pricing of a quote, as it was written. Immutable: Hibernate never updates it, and the
 * database refuses UPDATE, DELETE and TRUNCATE on the table (V3: a trigger, and no such privilege
 * for the service's role). {@code items} and {@code taxBreakdown} are canonical JSON; {@code
 * canonical} is the whole revision in canonical JSON and {@code sha256} its hash.
 */
@Entity
@Immutable
@IdClass(QuoteRevision.Key.class)
@Table(name = "forge_quote_revisions")
public class QuoteRevision {
    @Id
    @Column(name = "quote_id")
    public UUID quoteId;

    @Id public int revision;

    @Column(name = "priced_at", nullable = false)
    public Instant pricedAt;

    @Column(name = "priced_by")
    public UUID pricedBy;

    public String note;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "tax_rate_bps", nullable = false)
    public int taxRateBps;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String items;

    @Column(name = "subtotal_minor", nullable = false)
    public long subtotalMinor;

    @Column(name = "discount_minor", nullable = false)
    public long discountMinor;

    @Column(name = "tax_minor", nullable = false)
    public long taxMinor;

    @Column(name = "total_minor", nullable = false)
    public long totalMinor;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tax_breakdown", nullable = false)
    public String taxBreakdown;

    @Column(nullable = false)
    public String canonical;

    @Column(nullable = false, length = 64)
    public String sha256;

    /** The primary key: (quote_id, revision). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public UUID quoteId;
        public int revision;

        public Key() {}

        public Key(UUID quoteId, int revision) {
            this.quoteId = quoteId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && revision == key.revision
                    && Objects.equals(quoteId, key.quoteId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(quoteId, revision);
        }
    }
}
