package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.domain.QuoteStatus;
import dev.patriotforge.quote.service.ListQuery;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.api.Uuids;
import dev.patriotforge.shared.error.ValidationFailed;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The query string of GET /api/quotes, checked; anything bad is a 422 naming the parameter. */
final class ListParams {
    private ListParams() {}

    static ListQuery parse(List<String> status, String customerId, String cursor, String limit) {
        PageRequest page = PageRequest.parse(cursor, limit);
        return new ListQuery(
                statuses(status == null ? List.of() : status),
                uuid("customer_id", customerId),
                page);
    }

    /** Repeatable, and each value may be a comma list. */
    private static Set<QuoteStatus> statuses(List<String> values) {
        Set<QuoteStatus> statuses = EnumSet.noneOf(QuoteStatus.class);
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                statuses.add(
                        QuoteStatus.fromWire(part.trim())
                                .orElseThrow(
                                        () ->
                                                ValidationFailed.of(
                                                        "status",
                                                        "must be one of draft, submitted, priced,"
                                                                + " accepted, declined, expired,"
                                                                + " cancelled")));
            }
        }
        return statuses;
    }

    /** Absent or empty: no filter; otherwise a canonical UUID. */
    private static UUID uuid(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Uuids.parse(value).orElseThrow(() -> ValidationFailed.of(field, "must be a UUID"));
    }
}
