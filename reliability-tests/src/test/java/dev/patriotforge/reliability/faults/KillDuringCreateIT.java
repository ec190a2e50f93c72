package dev.patriotforge.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.ClusterTest;
import dev.patriotforge.reliability.harness.Polling;
import dev.patriotforge.reliability.harness.QuoteRows;
import dev.patriotforge.testsupport.api.Api;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A client creates quotes with Idempotency-Keys and retries on failure while quote-service replicas
 * are killed with SIGKILL (or Redis stalls, or restarts): afterwards every quote the client began
 * exists exactly once, in the API and in the database (checked as the forge_quote role), with the
 * id the client was given and exactly one "created" audit event.
 */
@Order(60)
class KillDuringCreateIT extends ClusterTest {
    private static final int THREADS = 4;
    private static final int MAX_QUOTES = 3_000;
    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final int PROGRESS = 10;

    @Test
    @Order(1)
    void killingQuoteReplicasMidStreamLosesAndDuplicatesNothing() throws Exception {
        URI gateway = cluster.gateway();
        Api.Account account = Api.direct(cluster.url("auth-a")).newAccount();
        String token = Api.direct(cluster.url("auth-a")).tokens(account).access();
        String tag = "kill " + UUID.randomUUID().toString().substring(0, 8);

        KeyedCreates client = new KeyedCreates(tag, token, List.of(gateway), MAX_QUOTES, PAUSE);
        client.start(THREADS);
        for (String victim : Cluster.QUOTE) {
            awaitProgress(client);
            cluster.ctl("kill", victim);
            Polling.sleep(Duration.ofSeconds(1));
            cluster.ctl("start", victim);
        }
        awaitProgress(client);
        client.stop(Duration.ofMinutes(3));

        assertThat(client.unexpected()).as("unexpected answers").isEmpty();
        assertThat(client.retries()).as("retries (the kills must have been felt)").isPositive();
        assertExactlyOnce(account, token, tag, client, gateway);
    }

    @Test
    @Order(2)
    void aRedisStallDuringKeyedCreatesLosesAndDuplicatesNothing() throws Exception {
        List<URI> replicas = Cluster.QUOTE.stream().map(cluster::url).toList();
        Api.Account account = Api.direct(cluster.url("auth-a")).newAccount();
        String token = Api.direct(cluster.url("auth-a")).tokens(account).access();
        String tag = "stall " + UUID.randomUUID().toString().substring(0, 8);

        KeyedCreates client = new KeyedCreates(tag, token, replicas, MAX_QUOTES, PAUSE);
        client.start(THREADS);
        awaitProgress(client);
        new RedisFaults(cluster).stall(Duration.ofSeconds(4));
        awaitProgress(client);
        client.stop(Duration.ofMinutes(3));

        // Requests in the stall either wait for Redis or get a 503 and are retried.
        assertThat(client.unexpected()).as("unexpected answers").isEmpty();
        assertExactlyOnce(account, token, tag, client, replicas.get(0));
    }

    /**
     * Idempotency records live in Redis; they must survive its restart (24 hours, per contract).
     */
    @Test
    @Order(3)
    void aKeyUsedBeforeARedisRestartStillReplaysAfterIt() throws Exception {
        Api api = Api.direct(cluster.url("auth-a"));
        Api.Account account = api.newAccount();
        String token = api.tokens(account).access();
        String key = UUID.randomUUID().toString();
        String title = "redis restart " + key.substring(0, 8);
        Api quotes = api.at(cluster.url("quote-a"));
        Response first = quotes.createQuote(token, key, title);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);

        new RedisFaults(cluster).restart(Duration.ZERO);
        cluster.awaitReadiness(Cluster.QUOTE, 200, Duration.ofSeconds(30));
        Response again = quotes.createQuote(token, key, title);

        assertThat(again.statusCode()).as(again.asString()).isEqualTo(201);
        assertThat(again.<String>path("id")).as("id of the retry").isEqualTo(first.path("id"));
        assertThat(QuoteRows.titled(cluster, account, title)).as("quotes stored").isEqualTo(1);
    }

    /** The same, with the restart in the middle of a stream of keyed creates. */
    @Test
    @Order(4)
    void aRedisRestartDuringKeyedCreatesLosesAndDuplicatesNothing() throws Exception {
        List<URI> replicas = Cluster.QUOTE.stream().map(cluster::url).toList();
        Api.Account account = Api.direct(cluster.url("auth-a")).newAccount();
        String token = Api.direct(cluster.url("auth-a")).tokens(account).access();
        String tag = "redis restart " + UUID.randomUUID().toString().substring(0, 8);

        KeyedCreates client = new KeyedCreates(tag, token, replicas, MAX_QUOTES, PAUSE);
        client.start(THREADS);
        awaitProgress(client);
        new RedisFaults(cluster).restart(Duration.ofSeconds(2));
        awaitProgress(client);
        client.stop(Duration.ofMinutes(3));

        assertThat(client.unexpected()).as("unexpected answers").isEmpty();
        assertExactlyOnce(account, token, tag, client, replicas.get(0));
    }

    private static void awaitProgress(KeyedCreates client) {
        int before = client.done();
        Polling.within(
                Duration.ofMinutes(2),
                () -> client.done() >= before + PROGRESS,
                () ->
                        "the creating client made no progress ("
                                + client.retried().size()
                                + " retries, last: "
                                + (client.retried().isEmpty()
                                        ? "-"
                                        : client.retried().get(client.retried().size() - 1))
                                + ")");
    }

    private void assertExactlyOnce(
            Api.Account account, String token, String tag, KeyedCreates client, URI api)
            throws SQLException {
        int intended = client.begun();
        Map<Integer, String> ids = client.ids();
        assertThat(ids).as("quotes the client got an id for").hasSize(intended);
        assertThat(new HashSet<>(ids.values())).as("distinct ids").hasSize(intended);

        Map<String, Integer> rowsPerTitle = new HashMap<>();
        Map<String, String> idPerTitle = new HashMap<>();
        int createdEvents;
        try (Connection db = cluster.quoteDb()) {
            try (PreparedStatement query =
                    db.prepareStatement(
                            "SELECT title, id::text FROM forge_quotes"
                                    + " WHERE customer_id = ?::uuid AND title LIKE ?")) {
                query.setString(1, account.id());
                query.setString(2, tag + " %");
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rowsPerTitle.merge(rows.getString(1), 1, Integer::sum);
                        idPerTitle.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            try (PreparedStatement query =
                    db.prepareStatement(
                            "SELECT count(*) FROM forge_quote_events e JOIN forge_quotes q"
                                    + " ON q.id = e.quote_id WHERE q.customer_id = ?::uuid"
                                    + " AND q.title LIKE ? AND e.type = 'created'")) {
                query.setString(1, account.id());
                query.setString(2, tag + " %");
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    createdEvents = rows.getInt(1);
                }
            }
        }
        Map<String, Integer> duplicates = new HashMap<>(rowsPerTitle);
        duplicates.values().removeIf(n -> n == 1);
        assertThat(duplicates).as("titles stored more than once").isEmpty();
        assertThat(rowsPerTitle).as("quotes in the database").hasSize(intended);
        for (Map.Entry<Integer, String> e : ids.entrySet()) {
            assertThat(idPerTitle.get(KeyedCreates.title(tag, e.getKey())))
                    .as("stored id of quote %d", e.getKey())
                    .isEqualTo(e.getValue());
        }
        assertThat(createdEvents).as("'created' audit events").isEqualTo(intended);

        List<String> listed = listAll(Api.gateway(api), token);
        assertThat(new HashSet<>(listed)).as("ids listed by the API").hasSize(listed.size());
        assertThat(new HashSet<>(listed))
                .as("ids listed by the API")
                .isEqualTo(new HashSet<>(ids.values()));
        System.out.printf(
                "[keyed creates] %s: %d quotes, each once; %d retries, %d replays%n",
                tag, intended, client.retries(), client.replays());
    }

    /** Every quote id of the caller, following next_cursor. */
    private static List<String> listAll(Api api, String token) {
        List<String> ids = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            RequestSpecification request = api.authorized(token).queryParam("limit", 100);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/quotes");
            assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
            ids.addAll(page.<List<String>>path("items.id"));
            cursor = page.path("next_cursor");
            assertThat(cursor == null || cursors.add(cursor)).as("a new cursor").isTrue();
        } while (cursor != null);
        return ids;
    }
}
