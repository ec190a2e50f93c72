package dev.patriotforge.auth.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header and the bearer scheme that protected endpoints name (texts: Docs).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "PatriotForge auth-service",
                        version = "0.1.0",
                        description =
                                "Accounts, logins, sessions and tokens. Errors are RFC 9457"
                                        + " problem documents (application/problem+json) with a"
                                        + " stable code."))
@SecurityScheme(
        securitySchemeName = Docs.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT")
public class OpenApi extends Application {}
