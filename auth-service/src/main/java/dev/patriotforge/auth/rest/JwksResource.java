package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.auth.security.SigningKeys;
import dev.patriotforge.shared.security.JwtClaims;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The public keys that verify access tokens, and a minimal discovery document. */
@Path("/api/auth/.well-known")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "keys", description = "Token verification keys")
public class JwksResource {
    static final String JWKS_PATH = "/api/auth/.well-known/jwks.json";

    private final SigningKeys keys;
    private final AuthConfig config;

    public JwksResource(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @GET
    @Path("/jwks.json")
    @Operation(summary = "The JWK Set: the active signing key and older keys still accepted")
    @APIResponse(responseCode = "200", description = "Public keys, each with kid, use and alg")
    public RestResponse<Map<String, Object>> jwks() {
        return RestResponse.ResponseBuilder.ok(keys.jwks())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    @GET
    @Path("/openid-configuration")
    @Operation(summary = "Discovery: issuer, jwks_uri and the signing algorithm")
    @APIResponse(responseCode = "200", description = "The discovery document")
    public Map<String, Object> openIdConfiguration(UriInfo uri) {
        String jwksUri =
                config.jwt()
                        .jwksUri()
                        .orElseGet(
                                () -> uri.getBaseUriBuilder().path(JWKS_PATH).build().toString());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", config.jwt().issuer());
        document.put("jwks_uri", jwksUri);
        document.put("id_token_signing_alg_values_supported", List.of(JwtClaims.SIGNING_ALGORITHM));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        document.put("subject_types_supported", List.of("public"));
        document.put("response_types_supported", List.of("token"));
        document.put("grant_types_supported", List.of("password", "refresh_token"));
        return document;
    }
}
