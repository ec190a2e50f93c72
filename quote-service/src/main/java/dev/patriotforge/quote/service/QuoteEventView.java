package dev.patriotforge.quote.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patriotforge.quote.domain.QuoteEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
                            "changes_requested",
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
        Instant at,
        @Schema(type = SchemaType.OBJECT, nullable = true, description = DETAILS)
                JsonNode details) {

    static final String DETAILS =
            "null, or {reason} for a change request, {revision} for a pricing, {revision,"
                    + " revision_sha256, signer_name, signer_title, purchase_order, ip, user_agent}"
                    + " for an acceptance";

    static QuoteEventView from(QuoteEvent event) {
        return new QuoteEventView(
                event.id,
                event.type,
                event.actorId,
                event.fromStatus == null ? null : event.fromStatus.wire(),
                event.toStatus.wire(),
                event.at,
                event.details == null ? null : RevisionJson.tree(event.details));
    }
}
