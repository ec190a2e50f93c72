package dev.patriotforge.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

/** Which operations the filter gives 403 mfa_required, and how it treats a 403 of their own. */
class MfaRequiredResponsesTest {

    private static Operation operation() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses());
    }

    private static OpenAPI document(boolean everyOperationBearer) {
        OpenAPI doc = OASFactory.createOpenAPI();
        if (everyOperationBearer) {
            doc.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        }
        return doc;
    }

    private static String forbidden(Operation operation) {
        var response = operation.getResponses().getAPIResponse("403");
        return response == null ? null : response.getDescription();
    }

    @Test
    void aBearerOperationOutsideTheExemptionsGetsIt() {
        Operation op = operation();
        MfaRequiredResponses.document(document(true), "/api/quotes/{id}", op);
        assertThat(forbidden(op)).isEqualTo(MfaRequiredResponses.DESCRIPTION);

        Operation own =
                operation()
                        .addSecurityRequirement(
                                OASFactory.createSecurityRequirement().addScheme("bearer"));
        MfaRequiredResponses.document(document(false), "/api/auth/logout-all", own);
        assertThat(forbidden(own)).isEqualTo(MfaRequiredResponses.DESCRIPTION);
    }

    @Test
    void exemptPathsAndOperationsWithoutABearerAreLeftAlone() {
        for (String path :
                new String[] {"/api/auth/me", "/api/auth/mfa/totp", "/api/auth/sessions/{id}"}) {
            Operation op = operation();
            MfaRequiredResponses.document(document(true), path, op);
            assertThat(forbidden(op)).as(path).isNull();
        }
        Operation anonymous = operation();
        MfaRequiredResponses.document(document(false), "/api/auth/login", anonymous);
        assertThat(forbidden(anonymous)).isNull();
        // An empty requirement list on the operation overrides the document's.
        Operation optedOut = operation();
        optedOut.setSecurity(new java.util.ArrayList<>());
        MfaRequiredResponses.document(document(true), "/api/quotes", optedOut);
        assertThat(forbidden(optedOut)).isNull();
    }

    @Test
    void aDeclared403KeepsItsTextOnce() {
        Operation op = operation();
        op.getResponses()
                .addAPIResponse("403", OASFactory.createAPIResponse().description("forbidden"));
        MfaRequiredResponses.document(document(true), "/api/quotes", op);
        MfaRequiredResponses.document(document(true), "/api/quotes", op);
        assertThat(forbidden(op)).isEqualTo("forbidden; " + MfaRequiredResponses.DESCRIPTION);

        Operation named = operation();
        named.getResponses()
                .addAPIResponse(
                        "403", OASFactory.createAPIResponse().description("mfa_required: log in"));
        MfaRequiredResponses.document(document(true), "/api/quotes", named);
        assertThat(forbidden(named)).isEqualTo("mfa_required: log in");
    }
}
