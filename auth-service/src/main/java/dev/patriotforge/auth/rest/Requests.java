package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.Caller;
import dev.patriotforge.auth.service.ClientInfo;
import dev.patriotforge.shared.error.TokenInvalid;
import dev.patriotforge.shared.security.JwtClaims;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads who is calling and from where. */
final class Requests {
    private Requests() {}

    /**
     * The client's address: Quarkus replaces the peer address by the X-Forwarded-For address only
     * when the peer is a trusted proxy (quarkus.http.proxy.trusted-proxies).
     */
    static ClientInfo client(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String ip = remote == null ? null : remote.hostAddress();
        return new ClientInfo(ip, request.getHeader(HttpHeaders.USER_AGENT));
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
