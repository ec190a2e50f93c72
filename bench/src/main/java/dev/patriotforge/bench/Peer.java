package dev.patriotforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional peer (BENCH_PEER=keycloak, started by bench/lib/peer.sh): Keycloak's password grant,
 * refresh grant and userinfo with the same wrk settings as the suite's login, refresh and /me,
 * called directly (no gateway in front), plus its startup and memory.
 */
final class Peer {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ObjectMapper json;
    private final Settings settings;
    private final Wrk wrk;

    Peer(ObjectMapper json, Settings settings, Wrk wrk) {
        this.json = json;
        this.settings = settings;
        this.wrk = wrk;
    }

    /** Whether bench/run started Keycloak (BENCH_PEER_URL is set). */
    static boolean running() {
        return !Settings.env("BENCH_PEER_URL", "").isEmpty();
    }

    /** Seeds sessions with the password grant, then the three scenarios; the figures by name. */
    Map<String, Object> measure() throws IOException, InterruptedException {
        String url = Settings.env("BENCH_PEER_URL", "");
        String password = Settings.env("BENCH_PEER_PASSWORD", "");
        int users = Integer.parseInt(Settings.env("BENCH_PEER_USERS", "20"));
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            names.add("peer-%02d".formatted(i));
        }
        List<String> refresh = new ArrayList<>();
        List<String> access = new ArrayList<>();
        // Two sessions per user, as the suite's seeding makes for its refresh scenario.
        for (int round = 0; round < 2; round++) {
            for (String name : names) {
                JsonNode tokens = passwordGrant(url, name, password);
                refresh.add(Api.text(tokens, "refresh_token"));
                access.add(Api.text(tokens, "access_token"));
            }
        }
        Path data = settings.work().resolve("peer.lua");
        Files.writeString(
                data,
                """
                PEER_USERS = "%s"
                PEER_PASSWORD = "%s"
                PEER_REFRESH_TOKENS = "%s"
                PEER_ACCESS_TOKENS = "%s"
                """
                        .formatted(
                                String.join(",", names),
                                password,
                                String.join(",", refresh),
                                String.join(",", access)));
        Map<String, String> env = Map.of("BENCH_PEER_DATA", data.toString());
        int connections = settings.connections();
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("password_grant", wrk.run("kc_password", url, connections, env));
        peer.put("refresh_grant", wrk.run("kc_refresh", url, connections, env));
        peer.put("userinfo", wrk.run("kc_userinfo", url, connections, env));
        peer.put("ready_ms", Long.parseLong(Settings.env("BENCH_PEER_READY_MS", "-1")));
        peer.put("idle_rss_kb", Long.parseLong(Settings.env("BENCH_PEER_IDLE_RSS_KB", "-1")));
        peer.put("peak_rss_kb", Memory.peakRssKb(settings.root(), "keycloak"));
        return peer;
    }

    private JsonNode passwordGrant(String url, String user, String password)
            throws IOException, InterruptedException {
        String form =
                "grant_type=password&client_id=bench&scope=openid&username="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                url
                                                        + "/realms/bench/protocol/openid-connect/token"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Keycloak's password grant answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return json.readTree(response.body());
    }
}
