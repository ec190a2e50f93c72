package dev.patriotforge.quote.service;

import dev.patriotforge.quote.domain.QuoteEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a quote's audit trail; {@code actor_id} is null for the system (expiry). */
@RegisterForReflection
@Schema(name = "QuoteEvent")
public record QuoteEventView(
        UUID id,
        @Schema(
                        enumeration = {
                            "created",
                            "updated",
                            "submitted",
                            "priced",
                            "accepted",
                            "declined",
                            "expired",
                            "cancelled",
                            "deleted"
                        })
                String type,
        UUID actorId,
        String fromStatus,
        String toStatus,
        Instant at) {

    static QuoteEventView from(QuoteEvent event) {
        return new QuoteEventView(
                event.id,
                event.type,
                event.actorId,
                event.fromStatus == null ? null : event.fromStatus.wire(),
                event.toStatus.wire(),
                event.at);
    }
}
