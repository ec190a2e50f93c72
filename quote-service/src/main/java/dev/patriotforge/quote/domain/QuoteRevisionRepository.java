package dev.patriotforge.quote.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The revisions of quotes: written once, read by number or in pages, oldest first. */
@ApplicationScoped
public class QuoteRevisionRepository
        implements PanacheRepositoryBase<QuoteRevision, QuoteRevision.Key> {

    public Optional<QuoteRevision> find(UUID quoteId, int revision) {
        return findByIdOptional(new QuoteRevision.Key(quoteId, revision));
    }

    /** Up to {@code limit} of a quote's revisions after number {@code after}, oldest first. */
    public List<QuoteRevision> page(UUID quoteId, int after, int limit) {
        return find("quoteId = ?1 and revision > ?2 order by revision", quoteId, after)
                .range(0, limit - 1)
                .list();
    }
}
