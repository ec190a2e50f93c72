package dev.patriotforge.quote.service;

import dev.patriotforge.quote.domain.QuoteStatus;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.error.ValidationFailed;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a quote list asks for: the statuses (empty: any), the customer (null: any the caller may
 * see) and the page. rest/ parses the query string; {@link #of} names the statuses, which are the
 * domain's.
 */
public record ListQuery(Set<QuoteStatus> statuses, UUID customerId, PageRequest page) {
    public ListQuery {
        statuses = Set.copyOf(statuses);
    }

    /** The query from status wire names ({@code draft}, ...); an unknown one is a 422. */
    public static ListQuery of(Collection<String> statusNames, UUID customerId, PageRequest page) {
        Set<QuoteStatus> statuses = EnumSet.noneOf(QuoteStatus.class);
        for (String name : statusNames) {
            statuses.add(
                    QuoteStatus.fromWire(name)
                            .orElseThrow(
                                    () ->
                                            ValidationFailed.of(
                                                    "status",
                                                    "must be one of draft, submitted, priced,"
                                                            + " accepted, declined, expired,"
                                                            + " cancelled")));
        }
        return new ListQuery(statuses, customerId, page);
    }
}
