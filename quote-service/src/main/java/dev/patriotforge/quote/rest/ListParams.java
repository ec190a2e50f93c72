package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.ListQuery;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.api.Uuids;
import dev.patriotforge.shared.error.ValidationFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The query string of GET /api/quotes, checked; anything bad is a 422 naming the parameter. */
final class ListParams {
    private ListParams() {}

    static ListQuery parse(List<String> status, String customerId, String cursor, String limit) {
        PageRequest page = PageRequest.parse(cursor, limit);
        List<String> names = statusNames(status == null ? List.of() : status);
        return ListQuery.of(names, uuid("customer_id", customerId), page);
    }

    /** {@code status} is repeatable, and each value may be a comma list. */
    private static List<String> statusNames(List<String> values) {
        List<String> names = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                names.add(part.trim());
            }
        }
        return names;
    }

    /** Absent or empty: no filter; otherwise a canonical UUID. */
    private static UUID uuid(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Uuids.parse(value).orElseThrow(() -> ValidationFailed.of(field, "must be a UUID"));
    }
}
