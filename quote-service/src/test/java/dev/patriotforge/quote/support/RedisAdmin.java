package dev.patriotforge.quote.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal RESP client on the admin connection that ./forge test exports as FORGE_REDIS_URL (user
 * forge_admin), for what the service's own ACL user may not do: write revocation marks, pause
 * Redis.
 */
public final class RedisAdmin implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RedisAdmin(URI uri) throws IOException {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            command(
                    "AUTH",
                    URLDecoder.decode(userInfo.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8));
        }
    }

    public static RedisAdmin connect() {
        String url = System.getenv("FORGE_REDIS_URL");
        if (url == null || url.isEmpty()) {
            throw new IllegalStateException("FORGE_REDIS_URL is not set: run via ./forge test");
        }
        try {
            return new RedisAdmin(URI.create(url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command; returns the reply as text (null for a nil bulk string). */
    public String command(String... args) {
        try {
            StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String reply() throws IOException {
        String line = line();
        char kind = line.charAt(0);
        String rest = line.substring(1);
        return switch (kind) {
            case '+', ':' -> rest;
            case '-' -> throw new IllegalStateException("Redis error: " + rest);
            case '$' -> {
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                yield new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(rest);
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    all.append(reply()).append('\n');
                }
                yield all.toString();
            }
            default -> throw new IllegalStateException("unexpected reply " + line);
        };
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                return line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("connection closed");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
