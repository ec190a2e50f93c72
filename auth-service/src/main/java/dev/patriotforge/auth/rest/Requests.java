package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.Caller;
import dev.patriotforge.auth.service.ClientInfo;
import dev.patriotforge.common.net.ClientAddress;
import dev.patriotforge.shared.error.TokenInvalid;
import dev.patriotforge.shared.security.JwtClaims;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads who is calling and from where. */
final class Requests {
    private Requests() {}

    /**
     * The client's address (service-common's ClientAddress: the rightmost X-Forwarded-For entry
     * that is not a trusted proxy) and User-Agent; what per-IP limits and the session's ip use.
     */
    static ClientInfo client(HttpServerRequest request, ClientAddress addresses) {
        return new ClientInfo(addresses.of(request), request.getHeader(HttpHeaders.USER_AGENT));
    }

    /** The verified bearer token's user and session. */
    static Caller caller(JsonWebToken jwt) {
        try {
            return new Caller(
                    UUID.fromString(jwt.getSubject()),
                    UUID.fromString(jwt.getClaim(JwtClaims.SESSION_ID).toString()));
        } catch (RuntimeException e) {
            throw new TokenInvalid();
        }
    }
}
