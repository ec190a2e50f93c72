package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.SessionView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of sessions (the response itself is a CursorPage). */
@Schema(name = "SessionPage")
record SessionPage(
        List<SessionView> items,
        @Schema(
                        description = "Pass as ?cursor= for the next page; null on the last page",
                        nullable = true)
                String nextCursor) {}
