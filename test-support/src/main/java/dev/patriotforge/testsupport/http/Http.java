package dev.patriotforge.testsupport.http;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP client over java.net.http (HTTP/1.1, a connect and a per-request timeout): for load
 * loops ({@link #send}: many threads, many requests, every outcome recorded, none thrown) and for
 * requests sent as written, without the path normalization or re-encoding of REST Assured ({@link
 * #exchange}).
 */
public final class Http {
    private final HttpClient client;
    private final Duration timeout;

    public Http(Duration timeout) {
        this.timeout = timeout;
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(3))
                        .build();
    }

    /** One answer, or the failure to get one (status 0 and {@code error}). */
    public record Reply(
            int status, String body, HttpResponse<String> response, long millis, String error) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }

        /** The {@code code} of a problem document, or null. */
        public String code() {
            String type = header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return null;
            }
            try {
                return JsonPath.from(body).getString("code");
            } catch (RuntimeException e) {
                return "(unparsable problem)";
            }
        }

        public String json(String path) {
            return JsonPath.from(body).getString(path);
        }

        /** True for the clean failure of an unavailable dependency: 503 problem + Retry-After. */
        public boolean isDependencyUnavailable() {
            return status == 503
                    && "dependency_unavailable".equals(code())
                    && header("Retry-After") != null;
        }

        @Override
        public String toString() {
            return status == 0
                    ? "no answer after " + millis + " ms: " + error
                    : status + " " + (code() == null ? "" : code()) + " in " + millis + " ms";
        }
    }

    /** Sends the request (a JSON body if not null) and hands back the answer or the failure. */
    public HttpResponse<String> exchange(
            String method, URI uri, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    public Reply send(String method, URI uri, String body, Map<String, String> headers) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response =
                    exchange(
                            method,
                            uri,
                            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                            headers);
            return new Reply(
                    response.statusCode(), response.body(), response, elapsedMillis(start), null);
        } catch (IOException e) {
            return new Reply(0, "", null, elapsedMillis(start), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "", null, elapsedMillis(start), "interrupted");
        }
    }

    public Reply get(URI uri, Map<String, String> headers) {
        return send("GET", uri, null, headers);
    }

    public Reply post(URI uri, String body, Map<String, String> headers) {
        return send("POST", uri, body, headers);
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
