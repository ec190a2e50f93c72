package dev.patriotforge.testsupport.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays auth-service's JWKS endpoint for the tests: a test RSA key whose public half is served from
 * a local HTTP server, with a counter of fetches (GET /count) so tests can see the refetch
 * throttle. The private key reaches {@link Tokens} through a system property, which every class
 * loader of the test JVM sees.
 */
public class JwksServer implements QuarkusTestResourceLifecycleManager {
    static final String PRIVATE_JWK_PROPERTY = "forge.test.jwk";
    static final String BASE_URL_PROPERTY = "forge.test.jwks.base";
    public static final String KEY_ID = "forge-test-key-1";

    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        RSAKey key;
        try {
            key =
                    new RSAKeyGenerator(2048)
                            .keyID(KEY_ID)
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.RS256)
                            .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(
                "/jwks.json",
                exchange -> {
                    fetches.incrementAndGet();
                    respond(exchange, jwks);
                });
        server.createContext(
                "/count", exchange -> respond(exchange, Integer.toString(fetches.get())));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        System.setProperty(PRIVATE_JWK_PROPERTY, key.toJSONString());
        System.setProperty(BASE_URL_PROPERTY, base);
        return Map.of("mp.jwt.verify.publickey.location", base + "/jwks.json");
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
