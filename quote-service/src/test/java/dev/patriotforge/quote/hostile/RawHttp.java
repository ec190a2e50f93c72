package dev.patriotforge.quote.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.quote.support.TestUser;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, so a test can send exactly the bytes an
 * attacker would: request targets no URI class accepts ({@code %zz}, raw control characters, 100 kB
 * paths), header values with odd bytes, bodies that are not UTF-8. Ordinary clients refuse to send
 * most of that.
 */
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The status of an answer that never came: the server closed the connection. */
    static final int CLOSED = -1;

    private static final int MAX_INITIAL_LINE = 16384;
    private static final int MAX_HEADER_SIZE = 20 * 1024 - 512;

    /** RFC 3986 characters of a path and query besides letters, digits and percent escapes. */
    private static final String TARGET_MARKS = "-._~!$&'()*+,;=:@/?";

    private static final String HEX_DIGITS = "0123456789abcdefABCDEF";

    private RawHttp() {}

    /** A request: method, raw request target, headers in order, body bytes (may be null). */
    static final class Request {
        private final String method;
        private final String target;
        private final Map<String, String> headers;
        private final byte[] body;

        private Request(String method, String target, Map<String, String> headers, byte[] body) {
            this.method = method;
            this.target = target;
            this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            this.body = body;
        }

        static Request of(String method, String target) {
            return new Request(method, target, Map.of(), null);
        }

        String method() {
            return method;
        }

        String target() {
            return target;
        }

        Map<String, String> headers() {
            return headers;
        }

        Request header(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Request(method, target, copy, body);
        }

        Request as(TestUser user) {
            return user == null ? this : header("Authorization", user.bearer());
        }

        Request json(String text) {
            return json(text.getBytes(StandardCharsets.UTF_8));
        }

        Request json(byte[] bytes) {
            return header("Content-Type", "application/json").withBody(bytes);
        }

        Request withBody(byte[] bytes) {
            return new Request(method, target, headers, bytes);
        }

        /**
         * Whether the request is valid HTTP/1.1 that the HTTP layer hands to the application: an
         * origin-form target of URI characters with well-formed percent escapes, a request line
         * within {@code quarkus.http.limits.max-initial-line-length} (16384), header values free of
         * control characters, and headers within {@code max-header-size} (20K). Anything else
         * Vert.x refuses itself, before any route runs (so without a problem document).
         */
        boolean isWellFormed() {
            if ((method + " " + target + " HTTP/1.1").length() > MAX_INITIAL_LINE
                    || !isValidTarget(target)) {
                return false;
            }
            int size = 0;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                String value = h.getValue();
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ((c < 0x20 && c != '\t') || c == 0x7f) {
                        return false;
                    }
                }
                size += h.getKey().length() + value.getBytes(StandardCharsets.UTF_8).length + 4;
            }
            return size < MAX_HEADER_SIZE;
        }

        /** What a failure message shows: the request line and at most 300 characters of body. */
        String describe() {
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
    static final class Response {
        private final int status;
        private final Map<String, String> headers;
        private final byte[] body;

        Response(int status, Map<String, String> headers, byte[] body) {
            this.status = status;
            this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            this.body = body;
        }

        int status() {
            return status;
        }

        Map<String, String> headers() {
            return headers;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or null when it is not JSON. */
        JsonNode json() {
            try {
                return body.length == 0 ? null : JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * Sends one request to the application under test and reads the whole answer. When the server
     * answers and closes the connection before the request is fully written (a request line or body
     * over the limits), the answer it sent is still read; when there is none, the result is {@link
     * #CLOSED}.
     */
    static Response send(Request request) {
        RequestCount.sent();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            try {
                write(request, socket.getOutputStream());
            } catch (IOException e) {
                // The server stopped reading; its answer, if any, is in the input.
            }
            try {
                return parse(socket.getInputStream());
            } catch (IOException e) {
                return new Response(CLOSED, Map.of(), new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect for " + request.describe(), e);
        }
    }

    private static void write(Request request, OutputStream out) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(
                (request.method + " " + request.target + " HTTP/1.1\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost:" + RestAssured.port);
        headers.put("Connection", "close");
        headers.putAll(request.headers);
        if (request.body != null) {
            headers.put("Content-Length", Integer.toString(request.body.length));
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.writeBytes(
                    (h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(head.toByteArray());
        if (request.body != null) {
            out.write(request.body);
        }
        out.flush();
    }

    private static Response parse(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                all.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = line(in);
        int semicolon = line.indexOf(';');
        return Integer.parseInt(semicolon < 0 ? line.trim() : line.substring(0, semicolon), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("connection closed mid-line");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Percent-encodes every byte of the UTF-8 form except the unreserved characters. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code target} is an origin-form request target: a slash, then RFC 3986 characters
     * and percent escapes with two hex digits. A loop, not a regular expression: a regex with an
     * alternation under a star recurses once per character and overflows the stack on the 16 KiB
     * targets the fuzzers send.
     */
    static boolean isValidTarget(String target) {
        if (!target.startsWith("/")) {
            return false;
        }
        for (int i = 1; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length()
                        || HEX_DIGITS.indexOf(target.charAt(i + 1)) < 0
                        || HEX_DIGITS.indexOf(target.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            } else if (!((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || TARGET_MARKS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
