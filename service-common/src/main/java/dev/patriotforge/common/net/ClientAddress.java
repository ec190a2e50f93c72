package dev.patriotforge.common.net;

import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place where a service decides a request's client address (contract section 2): the direct
 * peer, unless the peer is a trusted proxy; then the rightmost {@code X-Forwarded-For} entry that
 * is not a trusted proxy. A proxy that appends to the header (Envoy, nginx's
 * $proxy_add_x_forwarded_for) puts the address it saw last, so whatever a client wrote to the left
 * of it is never taken. Trusted proxies: {@code FORGE_TRUSTED_PROXIES} (see {@link
 * TrustedProxies}); created at startup, so that a bad entry stops the service before it serves.
 */
@Startup
@ApplicationScoped
public class ClientAddress {
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    /** At most this many entries are read from the right of the header. */
    static final int MAX_HOPS = 32;

    private final TrustedProxies trusted;

    @Inject
    public ClientAddress(Settings settings) {
        this(TrustedProxies.of(settings.trustedProxies()));
    }

    ClientAddress(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /** Settings under {@code forge.http}. */
    @ConfigMapping(prefix = "forge.http")
    public interface Settings {
        /**
         * {@code FORGE_TRUSTED_PROXIES}: addresses or CIDR blocks of the gateway's proxies; the
         * default is in service-common's META-INF/microprofile-config.properties.
         */
        List<String> trustedProxies();
    }

    /** The client address of a request, as text ({@code unknown} when the peer has none). */
    public String of(HttpServerRequest request) {
        // The connection's peer, not request.remoteAddress(): Quarkus's proxy forwarding replaces
        // the latter by the leftmost X-Forwarded-For entry.
        HttpConnection connection = request.connection();
        SocketAddress peer =
                connection != null ? connection.remoteAddress() : request.remoteAddress();
        return resolve(
                peer == null ? null : peer.hostAddress(),
                request.headers().getAll(X_FORWARDED_FOR));
    }

    /**
     * The client address for a direct peer and the {@code X-Forwarded-For} header lines in order.
     */
    String resolve(String peer, List<String> forwardedFor) {
        Optional<InetAddress> parsed =
                peer == null ? Optional.empty() : TrustedProxies.literal(peer);
        if (parsed.isEmpty()) {
            return peer == null || peer.isBlank() ? "unknown" : peer;
        }
        InetAddress client = parsed.get();
        if (!trusted.contains(client)) {
            return client.getHostAddress();
        }
        List<String> entries = rightmostEntries(forwardedFor);
        for (String entry : entries) {
            Optional<InetAddress> hop = TrustedProxies.literal(entry);
            if (hop.isEmpty()) {
                // Not an address: stop at the last one a trusted proxy vouched for.
                break;
            }
            client = hop.get();
            if (!trusted.contains(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /** The header's entries from the right, at most MAX_HOPS of them. */
    private static List<String> rightmostEntries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (int l = lines.size() - 1; l >= 0 && entries.size() < MAX_HOPS; l--) {
            String line = lines.get(l);
            int end = line.length();
            while (end >= 0 && entries.size() < MAX_HOPS) {
                int comma = line.lastIndexOf(',', end - 1);
                String entry = line.substring(comma + 1, end).strip();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
                if (comma < 0) {
                    break;
                }
                end = comma;
            }
        }
        return entries;
    }
}
