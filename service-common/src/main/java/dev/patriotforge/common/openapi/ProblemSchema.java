package dev.patriotforge.common.openapi;

import dev.patriotforge.shared.api.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one place that names {@link Problem} for the OpenAPI scanner, now that no operation mentions
 * the class: SmallRye scans every class annotated with {@code @Schema}, and resolving this one
 * generates the {@code Problem} component from the record, as before. The scanner also registers
 * this class itself, as a component {@value #ANCHOR} that is only a reference to {@code Problem};
 * {@link ProblemResponses} removes it again.
 */
@Schema(name = ProblemSchema.ANCHOR, implementation = Problem.class)
final class ProblemSchema {
    /** The name of the alias component this class produces; not part of any published document. */
    static final String ANCHOR = "ProblemSchemaAnchor";

    private ProblemSchema() {}
}
