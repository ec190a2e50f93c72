package dev.patriotforge.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Api;
import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.Polling;
import io.restassured.response.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A client creates quotes with Idempotency-Keys and retries on failure while quote-service replicas
 * are killed with SIGKILL (or Redis stalls): afterwards every intended quote exists exactly once,
 * in the API and in the database (checked as the forge_quote role), with exactly one "created"
 * event each.
 */
@Order(60)
class KillDuringCreateIT {
    private static final int QUOTES = 60;
    private static final int THREADS = 4;

    private Cluster cluster;

    @BeforeEach
    void setUp() {
        cluster = Cluster.get();
        cluster.restoreAll();
    }

    @AfterEach
    void restore() {
        cluster.restoreAll();
    }

    @Test
    @Order(1)
    void killingQuoteReplicasMidStreamLosesAndDuplicatesNothing() throws Exception {
        URI gateway = cluster.gateway();
        Api auth = Api.direct(cluster.url("auth-a"));
        Api.Account account = auth.newAccount();
        String token = auth.tokens(account).access();
        String tag = "kill " + UUID.randomUUID().toString().substring(0, 8);

        KeyedCreates client = new KeyedCreates(tag, token, List.of(gateway), QUOTES);
        client.start(THREADS);
        for (String victim : Cluster.QUOTE) {
            int before = client.done();
            Polling.within(
                    Duration.ofMinutes(1),
                    () -> client.done() >= before + QUOTES / 4,
                    () -> "the client made no progress before killing " + victim);
            cluster.ctl("kill", victim);
            Polling.sleep(Duration.ofSeconds(1));
            cluster.ctl("start", victim);
        }
        client.awaitDone(Duration.ofMinutes(5));

        assertThat(client.unexpected()).as("unexpected answers").isEmpty();
        assertThat(client.retries()).as("retries (the kills must have been felt)").isPositive();
        assertExactlyOnce(account, token, tag, client.ids(), gateway);
    }

    @Test
    @Order(2)
    void aRedisStallDuringKeyedCreatesLosesAndDuplicatesNothing() throws Exception {
        Api auth = Api.direct(cluster.url("auth-a"));
        Api.Account account = auth.newAccount();
        String token = auth.tokens(account).access();
        String tag = "stall " + UUID.randomUUID().toString().substring(0, 8);
        List<URI> replicas = Cluster.QUOTE.stream().map(cluster::url).toList();

        KeyedCreates client = new KeyedCreates(tag, token, replicas, QUOTES);
        client.start(THREADS);
        Polling.within(
                Duration.ofMinutes(1),
                () -> client.done() >= QUOTES / 4,
                () -> "the client made no progress");
        cluster.ctl("redis-freeze");
        Polling.sleep(Duration.ofSeconds(4));
        cluster.ctl("redis-thaw");
        client.awaitDone(Duration.ofMinutes(5));

        assertThat(client.unexpected()).as("unexpected answers").isEmpty();
        assertThat(client.retries()).as("retries (the stall must have been felt)").isPositive();
        assertExactlyOnce(account, token, tag, client.ids(), replicas.get(0));
    }

    private void assertExactlyOnce(
            Api.Account account, String token, String tag, Map<Integer, String> ids, URI api)
            throws SQLException {
        assertThat(ids).as("quotes the client got an id for").hasSize(QUOTES);
        assertThat(new HashSet<>(ids.values())).as("distinct ids").hasSize(QUOTES);

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
        assertThat(rowsPerTitle).as("quotes in the database").hasSize(QUOTES);
        for (Map.Entry<Integer, String> e : ids.entrySet()) {
            assertThat(idPerTitle.get(KeyedCreates.title(tag, e.getKey())))
                    .as("stored id of quote %d", e.getKey())
                    .isEqualTo(e.getValue());
        }
        assertThat(createdEvents).as("'created' audit events").isEqualTo(QUOTES);

        Response page =
                Api.gateway(api).authorized(token).queryParam("limit", 100).get("/api/quotes");
        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        List<String> listed = page.path("items.id");
        Set<String> listedSet = new HashSet<>(listed);
        assertThat(listed).as("ids listed by the API").hasSize(listedSet.size());
        assertThat(listedSet).as("ids listed by the API").isEqualTo(new HashSet<>(ids.values()));
    }
}
