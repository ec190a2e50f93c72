package dev.patriotforge.quote.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a quote's audit trail. Written once, in the transaction of the change. */
@Entity
@Table(name = "forge_quote_events")
public class QuoteEvent {
    @Id public UUID id;

    /** Insertion order, assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "quote_id", nullable = false, updatable = false)
    public UUID quoteId;

    @Column(nullable = false, updatable = false)
    public String type;

    @Column(name = "actor_id", updatable = false)
    public UUID actorId;

    @Column(name = "from_status", updatable = false)
    public QuoteStatus fromStatus;

    @Column(name = "to_status", nullable = false, updatable = false)
    public QuoteStatus toStatus;

    @Column(nullable = false, updatable = false)
    public Instant at;

    /** A JSON object with what the event carries (reason, revision, evidence), or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public String details;
}
