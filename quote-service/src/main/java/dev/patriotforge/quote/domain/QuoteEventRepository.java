package dev.patriotforge.quote.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The audit trail of quotes. */
@ApplicationScoped
public class QuoteEventRepository implements PanacheRepositoryBase<QuoteEvent, UUID> {

    /** A quote's events, oldest first. */
    public List<QuoteEvent> ofQuote(UUID quoteId) {
        return list("quoteId = ?1 order by seq", quoteId);
    }
}
