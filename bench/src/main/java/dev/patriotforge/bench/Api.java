package dev.patriotforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The suite's API through the gateway, as the seeding uses it: JSON in and out with Jackson. */
final class Api {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ObjectMapper json;
    private final String gateway;

    Api(ObjectMapper json, String gateway) {
        this.json = json;
        this.gateway = gateway;
    }

    /** POST /api/auth/login: the access and refresh tokens. */
    JsonNode login(String email, String password) throws IOException, InterruptedException {
        return send("POST", "/api/auth/login", null, credentials(email, password), 200);
    }

    /** Registers an account and logs it in once. */
    Account register(String email, String password) throws IOException, InterruptedException {
        Map<String, String> body =
                Map.of("email", email, "password", password, "display_name", "Bench");
        JsonNode user = send("POST", "/api/auth/register", null, body, 201);
        JsonNode tokens = login(email, password);
        return new Account(
                text(user, "id"),
                email,
                text(tokens, "access_token"),
                text(tokens, "refresh_token"));
    }

    /** Sends BODY (null: none) as JSON; fails unless the answer has status EXPECTED. */
    JsonNode send(String method, String path, String token, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(
                                                json.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response =
                HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    "%s %s answered %d: %s"
                            .formatted(method, path, response.statusCode(), response.body()));
        }
        return json.readTree(response.body());
    }

    /** The text field NAME of a JSON object; fails when it has none. */
    static String text(JsonNode node, String name) {
        JsonNode field = node.get(name);
        if (field == null || !field.isTextual()) {
            throw new IllegalStateException("no " + name + " in " + node);
        }
        return field.asText();
    }

    private static Map<String, String> credentials(String email, String password) {
        return Map.of("email", email, "password", password);
    }
}
