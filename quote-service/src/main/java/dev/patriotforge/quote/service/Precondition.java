package dev.patriotforge.quote.service;

import dev.patriotforge.shared.error.PreconditionRequired;
import dev.patriotforge.shared.error.VersionMismatch;
import java.util.Set;

/**
 * What the caller's {@code If-Match} asks for: nothing (no header), any version ({@code *}), or one
 * of the listed versions. A header that names no version this service could have issued matches
 * nothing.
 */
public record Precondition(boolean present, boolean anyVersion, Set<Long> versions) {
    public Precondition {
        versions = Set.copyOf(versions);
    }

    public static Precondition none() {
        return new Precondition(false, false, Set.of());
    }

    public static Precondition any() {
        return new Precondition(true, true, Set.of());
    }

    public static Precondition oneOf(Set<Long> versions) {
        return new Precondition(true, false, versions);
    }

    /** For writes that must be conditional (PATCH): 428 without {@code If-Match}. */
    public void require() {
        if (!present) {
            throw new PreconditionRequired();
        }
    }

    /** 412 when the header is there and does not match the current version. */
    public void check(long currentVersion) {
        if (present && !anyVersion && !versions.contains(currentVersion)) {
            throw new VersionMismatch();
        }
    }
}
