package dev.patriotforge.quote.rest;

import dev.patriotforge.shared.api.CursorPage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Types Jackson reaches only through generics, registered for the native image. */
@RegisterForReflection(targets = {CursorPage.class})
final class ReflectionConfig {
    private ReflectionConfig() {}
}
