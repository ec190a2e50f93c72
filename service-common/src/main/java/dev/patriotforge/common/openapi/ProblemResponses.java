package dev.patriotforge.common.openapi;

import dev.patriotforge.shared.api.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error response of every operation is a problem document: a response whose code is 4xx, 5xx
 * or {@code default} and that declares no content of its own gets {@code application/problem+json}
 * with a reference to the {@code Problem} schema. Resources therefore declare an error as
 * {@code @APIResponse(responseCode = "404", description = ...)} and nothing more.
 *
 * <p>Runs at build time, so the document served at /q/openapi and the one stored by the build are
 * the same. Bearer operations first get their 403 {@code mfa_required} ({@link
 * MfaRequiredResponses}). The {@code Problem} schema component comes from {@link ProblemSchema};
 * the filter fails the build if it is missing rather than publish dangling references. Registered
 * in every service that depends on this module by the annotation (service-common is a bean archive,
 * so it is in the index Quarkus searches for {@code @OpenApiFilter}); no {@code mp.openapi.filter}
 * needed.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {
    /** The name of the schema component, and the last segment of every reference to it. */
    public static final String SCHEMA = "Problem";

    private static final Pattern ERROR_CODE = Pattern.compile("[45](?:[0-9]{2}|XX)|default");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().removeSchema(ProblemSchema.ANCHOR);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean referenced = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            for (Operation operation : operations.values()) {
                MfaRequiredResponses.document(openAPI, path.getKey(), operation);
                referenced |= addProblemContent(operation);
            }
        }
        if (referenced && !hasProblemSchema(openAPI.getComponents())) {
            throw new IllegalStateException(
                    "error responses refer to #/components/schemas/"
                            + SCHEMA
                            + " but the document has no such schema");
        }
    }

    /** Gives each error response of the operation without content the problem content. */
    private static boolean addProblemContent(Operation operation) {
        if (operation.getResponses() == null
                || operation.getResponses().getAPIResponses() == null) {
            return false;
        }
        boolean added = false;
        for (Map.Entry<String, APIResponse> entry :
                operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (ERROR_CODE.matcher(entry.getKey()).matches()
                    && response.getRef() == null
                    && (response.getContent() == null
                            || response.getContent().getMediaTypes() == null
                            || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(
                        OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema().ref(SCHEMA))));
                added = true;
            }
        }
        return added;
    }

    private static boolean hasProblemSchema(Components components) {
        return components != null
                && components.getSchemas() != null
                && components.getSchemas().containsKey(SCHEMA);
    }
}
