package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.QuoteEventView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {items: [...]}}: a quote's audit trail, oldest first. */
@RegisterForReflection
@Schema(name = "QuoteEventList")
public record EventList(List<QuoteEventView> items) {
    public EventList {
        items = List.copyOf(items);
    }
}
