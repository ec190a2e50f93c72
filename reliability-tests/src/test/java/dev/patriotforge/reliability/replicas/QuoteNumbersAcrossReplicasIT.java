package dev.patriotforge.reliability.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.testsupport.api.Api;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Quotes created at the same moment at both quote-service replicas, by several customers, each get
 * a number of their own: no number is handed out twice, in the answers or in the database.
 */
@Order(21)
class QuoteNumbersAcrossReplicasIT {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 15;

    private static Cluster cluster;

    @BeforeAll
    static void setUp() {
        cluster = Cluster.get();
        cluster.restoreAll();
    }

    @Test
    void concurrentCreatesAtBothReplicasGetDistinctNumbers() throws Exception {
        Api auth = Api.direct(cluster.url("auth-a"));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < THREADS / 2; i++) {
            tokens.add(auth.tokens(auth.newAccount()).access());
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<Map<String, String>>> creators = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Api replica = auth.at(cluster.url(Cluster.QUOTE.get(t % 2)));
            String token = tokens.get(t / 2);
            String tag = "numbers " + t;
            creators.add(
                    () -> {
                        Map<String, String> numbers = new HashMap<>();
                        start.await(30, TimeUnit.SECONDS);
                        for (int i = 0; i < PER_THREAD; i++) {
                            Response created = replica.createQuote(token, null, tag + " " + i);
                            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
                            numbers.put(created.path("id"), created.path("number"));
                        }
                        return numbers;
                    });
        }
        Map<String, String> numberById = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<Map<String, String>> creator : pool.invokeAll(creators)) {
                numberById.putAll(creator.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(numberById).hasSize(THREADS * PER_THREAD);
        assertThat(numberById.values()).allMatch(n -> n.matches("Q-\\d{4}-\\d{6,}"));
        assertThat(numberById.values()).as("numbers in the answers").doesNotHaveDuplicates();
        assertThat(storedNumbers(numberById.keySet().stream().toList()))
                .as("numbers stored for the created quotes")
                .containsExactlyInAnyOrderElementsOf(numberById.values())
                .doesNotHaveDuplicates();
    }

    private static List<String> storedNumbers(List<String> ids) throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (Connection db = cluster.quoteDb();
                PreparedStatement query =
                        db.prepareStatement(
                                "SELECT number FROM forge_quotes WHERE id = ANY (?::uuid[])")) {
            query.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getString(1));
                }
            }
        }
        return numbers;
    }
}
