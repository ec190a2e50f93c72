package dev.patriotforge.auth.service;

import dev.patriotforge.auth.domain.UserSession;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One live session of the caller; {@code current} marks the one the caller's token belongs to. As
 * the API shows it.
 */
@RegisterForReflection
@Schema(name = "Session")
public record SessionView(
        UUID id,
        Instant createdAt,
        Instant lastUsedAt,
        String userAgent,
        String ip,
        boolean current) {

    static SessionView of(UserSession session, UUID currentSessionId) {
        return new SessionView(
                session.id,
                session.createdAt,
                session.lastUsedAt,
                session.userAgent,
                session.ip,
                session.id.equals(currentSessionId));
    }
}
