package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.ClientInfo;
import dev.patriotforge.common.net.ClientAddress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;

/** Reads where a request comes from (who is calling: service-common's Callers). */
final class Requests {
    private Requests() {}

    /**
     * The client's address (service-common's ClientAddress: the rightmost X-Forwarded-For entry
     * that is not a trusted proxy) and User-Agent; what per-IP limits and the session's ip use.
     */
    static ClientInfo client(HttpServerRequest request, ClientAddress addresses) {
        return new ClientInfo(addresses.of(request), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
