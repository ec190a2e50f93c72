package dev.patriotforge.quote.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The audit trail of quotes. */
@ApplicationScoped
public class QuoteEventRepository implements PanacheRepositoryBase<QuoteEvent, UUID> {

    /** The position (insertion order) of one of the quote's events. */
    public Optional<Long> seqOf(UUID quoteId, UUID eventId) {
        return getEntityManager()
                .createQuery(
                        "select e.seq from QuoteEvent e where e.quoteId = :quote and e.id = :id",
                        Long.class)
                .setParameter("quote", quoteId)
                .setParameter("id", eventId)
                .getResultStream()
                .findFirst();
    }

    /** Up to {@code limit} of a quote's events after position {@code afterSeq}, oldest first. */
    public List<QuoteEvent> page(UUID quoteId, long afterSeq, int limit) {
        return find("quoteId = ?1 and seq > ?2 order by seq", quoteId, afterSeq)
                .range(0, limit - 1)
                .list();
    }
}
