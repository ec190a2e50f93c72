package dev.patriotforge.quote.service;

import dev.patriotforge.quote.domain.QuoteStatus;
import dev.patriotforge.shared.api.PageRequest;
import java.util.Set;
import java.util.UUID;

/**
 * What a quote list asks for, checked by rest/: the statuses (empty: any), the customer (null: any
 * the caller may see) and the page.
 */
public record ListQuery(Set<QuoteStatus> statuses, UUID customerId, PageRequest page) {
    public ListQuery {
        statuses = Set.copyOf(statuses);
    }
}
