package dev.patriotforge.quote.service;

import java.util.List;

/** The raw list parameters as the client sent them; the service checks them (422). */
public record ListQuery(List<String> statuses, String customerId, String cursor, String limit) {
    public ListQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
