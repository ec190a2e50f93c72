package dev.patriotforge.quote.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header and its bearer scheme, which every quote-service operation needs
 * (so service-common's filter documents 403 mfa_required on each of them).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "PatriotForge quote-service",
                        version = "0.1.0",
                        description =
                                "Quotes: requests for prices, their pricing and the decision."
                                        + " Errors are RFC 9457 problem documents"
                                        + " (application/problem+json) with a stable code."),
        security = @SecurityRequirement(name = OpenApi.BEARER))
@SecurityScheme(
        securitySchemeName = OpenApi.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT")
public class OpenApi extends Application {
    /** The security scheme's name, as auth-service names its own. */
    static final String BEARER = "bearer";
}
