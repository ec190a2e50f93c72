package dev.patriotforge.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to the application under test ({@link RestAssured#port}), one
 * request per connection, so a test can send exactly the bytes an attacker would: request targets
 * no URI class accepts ({@code %zz}, raw control characters, 100 kB paths), header values with odd
 * bytes, bodies that are not UTF-8, a {@code Content-Type} a client library would try to encode
 * for. Ordinary clients refuse to send most of that. The request line and headers go out as UTF-8,
 * or byte for byte ({@link Request#latin1()}: one byte per char, so a value built with {@link
 * #utf8AsLatin1} or holding lone bytes above 0x7f goes out as those bytes).
 */
public final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 30_000;

    /** The status of an answer that never came: the server closed the connection. */
    public static final int CLOSED = -1;

    private RawHttp() {}

    /** Something that authorizes a request: {@code bearer()} is the Authorization value. */
    public interface Bearer {
        String bearer();
    }

    /** A request: method, raw request target, headers in order, body bytes (may be null). */
    public static final class Request {
        private final String method;
        private final String target;
        private final Map<String, String> headers;
        private final byte[] body;
        private final Charset charset;

        private Request(
                String method,
                String target,
                Map<String, String> headers,
                byte[] body,
                Charset charset) {
            this.method = method;
            this.target = target;
            this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            this.body = body;
            this.charset = charset;
        }

        public static Request of(String method, String target) {
            return new Request(method, target, Map.of(), null, StandardCharsets.UTF_8);
        }

        public String method() {
            return method;
        }

        public String target() {
            return target;
        }

        public Map<String, String> headers() {
            return headers;
        }

        public Request header(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Request(method, target, copy, body, charset);
        }

        public Request headers(Map<String, String> more) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.putAll(more);
            return new Request(method, target, copy, body, charset);
        }

        /** Authorized as {@code caller}; unchanged when there is none. */
        public Request as(Bearer caller) {
            return caller == null ? this : header("Authorization", caller.bearer());
        }

        public Request json(String text) {
            return json(text.getBytes(StandardCharsets.UTF_8));
        }

        public Request json(byte[] bytes) {
            return header("Content-Type", "application/json").withBody(bytes);
        }

        public Request withBody(byte[] bytes) {
            return new Request(method, target, headers, bytes, charset);
        }

        /** The request line and headers go out one byte per char (ISO-8859-1), not as UTF-8. */
        public Request latin1() {
            return new Request(method, target, headers, body, StandardCharsets.ISO_8859_1);
        }

        /** Whether Vert.x hands the request to the application ({@link Targets#isWellFormed}). */
        public boolean isWellFormed() {
            return Targets.isWellFormed(method, target, headers);
        }

        /** What a failure message shows: the request line and at most 300 characters of body. */
        public String describe() {
            String text =
                    body == null
                            ? ""
                            : " body="
                                    + new String(
                                            body,
                                            0,
                                            Math.min(body.length, 300),
                                            StandardCharsets.UTF_8);
            String line = method + " " + target + " " + headers.keySet() + text;
            return line.length() > 400 ? line.substring(0, 400) + "..." : line;
        }
    }

    /** The answer: status, headers (names in lower case) and body. */
    public static final class Response {
        private final int status;
        private final Map<String, String> headers;
        private final byte[] body;

        public Response(int status, Map<String, String> headers, byte[] body) {
            this.status = status;
            Map<String, String> lowerCase = new LinkedHashMap<>();
            headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
            this.headers = Collections.unmodifiableMap(lowerCase);
            this.body = body.clone();
        }

        public int status() {
            return status;
        }

        public Map<String, String> headers() {
            return headers;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or null when it is not JSON. */
        public JsonNode json() {
            try {
                return body.length == 0 ? null : JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Sends {@code method target} with {@code headers} byte for byte, and a body if not null. */
    public static Response send(
            String method, String target, Map<String, String> headers, byte[] body) {
        Request request = Request.of(method, target).headers(headers).latin1();
        return send(body == null ? request : request.withBody(body));
    }

    /**
     * Sends one request to the application under test and reads the whole answer. When the server
     * answers and closes the connection before the request is fully written (a request line or body
     * over the limits), the answer it sent is still read; when there is none, the result is {@link
     * #CLOSED}.
     */
    public static Response send(Request request) {
        RequestCount.sent();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            try {
                write(request, socket.getOutputStream());
            } catch (IOException e) {
                // The server stopped reading; its answer, if any, is in the input.
            }
            try {
                return AnswerReader.read(socket.getInputStream());
            } catch (IOException e) {
                return new Response(CLOSED, Map.of(), new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect for " + request.describe(), e);
        }
    }

    /** The UTF-8 bytes of {@code s}, one char per byte, for a header value sent as those bytes. */
    public static String utf8AsLatin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static void write(Request request, OutputStream out) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(
                (request.method + " " + request.target + " HTTP/1.1\r\n")
                        .getBytes(request.charset));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost:" + RestAssured.port);
        headers.put("Connection", "close");
        headers.putAll(request.headers);
        if (request.body != null) {
            headers.put("Content-Length", Integer.toString(request.body.length));
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.writeBytes((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(request.charset));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(head.toByteArray());
        if (request.body != null) {
            out.write(request.body);
        }
        out.flush();
    }
}
