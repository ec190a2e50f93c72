package dev.patriotforge.testsupport.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP receiver of webhooks for tests (the JDK's HttpServer on 127.0.0.1 and a free port):
 * it records every request it gets and answers as the test's {@link Responder} says (a status,
 * after an optional delay), so that tests can play a subscriber that is up, failing or slow.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as it arrived. */
    public record Received(
            Instant at, String path, String id, String timestamp, String signature, String body) {}

    /** The answer to a request. */
    public record Answer(int status, Duration delay) {
        public static Answer ok() {
            return new Answer(204, Duration.ZERO);
        }

        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }

        public static Answer after(Duration delay, int status) {
            return new Answer(status, delay);
        }
    }

    /** Decides the answer to the {@code n}-th request (0 first) of a webhook id. */
    @FunctionalInterface
    public interface Responder {
        Answer answer(Received request, int attemptOfId);
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Responder responder = (request, n) -> Answer.ok();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on 127.0.0.1 and a free port. */
    public static WebhookReceiver start() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
    }

    /** The URL of {@code path} (e.g. "/hooks/a") on this receiver, over plain http. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void respond(Responder responder) {
        this.responder = responder;
    }

    /** Every request so far, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests that match, in arrival order. */
    public List<Received> received(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /**
     * Waits until at least {@code count} requests match, at most {@code timeout}.
     *
     * @return the matching requests
     * @throws AssertionError when they do not come in time
     */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        List<Received> matching = received(filter);
        while (matching.size() < count) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(
                        "expected "
                                + count
                                + " matching webhook requests within "
                                + timeout
                                + ", got "
                                + matching.size()
                                + " of "
                                + received.size());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            matching = received(filter);
        }
        return matching;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            Received request =
                    new Received(
                            Instant.now(),
                            exchange.getRequestURI().getPath(),
                            headers.getFirst("webhook-id"),
                            headers.getFirst("webhook-timestamp"),
                            headers.getFirst("webhook-signature"),
                            body);
            int earlier = 0;
            List<Received> sameId = new ArrayList<>(received);
            for (Received r : sameId) {
                if (r.id() != null && r.id().equals(request.id())) {
                    earlier++;
                }
            }
            received.add(request);
            Answer answer = responder.answer(request, earlier);
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
