package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.createQuote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.quote.support.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Ten parallel pages of the largest list a customer can ask for (100 quotes of the maximum size:
 * 100 items of 500 characters, 5000 characters of notes, a 200-character title) are all answered;
 * each page ends once it holds about 1 MiB of text, so what a list request keeps in memory is
 * bounded whatever the quotes' sizes, and the heap holds nothing of them afterwards.
 */
@QuarkusTest
class ListMemoryTest {
    private static final int PARALLEL = 10;

    @Inject AgroalDataSource db;

    @TestHTTPResource("/api/quotes")
    URI quotes;

    @Test
    void tenParallelPagesOfMaximumSizeQuotesAreAllAnsweredWithinTheHeap() throws Exception {
        TestUser owner = TestUser.customer();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // Cyrillic: two bytes a character in Java strings and in UTF-8, the larger case.
            items.add(
                    Map.of("description", "ж".repeat(500), "quantity", 1, "unit", "ж".repeat(20)));
        }
        String id =
                createQuote(
                                owner,
                                Map.of(
                                        "title",
                                        "ж".repeat(200),
                                        "notes",
                                        "ж".repeat(5000),
                                        "items",
                                        items))
                        .statusCode(201)
                        .extract()
                        .path("id");
        copy(id, 99);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long max = memory.getHeapMemoryUsage().getMax();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler =
                Thread.ofPlatform()
                        .daemon()
                        .start(
                                () -> {
                                    while (sampling.get()) {
                                        peak.accumulateAndGet(
                                                memory.getHeapMemoryUsage().getUsed(), Math::max);
                                        try {
                                            Thread.sleep(5);
                                        } catch (InterruptedException e) {
                                            return;
                                        }
                                    }
                                });
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest page =
                HttpRequest.newBuilder(URI.create(quotes + "?limit=100"))
                        .header("Authorization", owner.bearer())
                        .timeout(Duration.ofMinutes(2))
                        .build();
        List<Future<long[]>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(
                        pool.submit(
                                () -> {
                                    HttpResponse<InputStream> response =
                                            client.send(
                                                    page,
                                                    HttpResponse.BodyHandlers.ofInputStream());
                                    try (InputStream body = response.body()) {
                                        long size =
                                                body.transferTo(OutputStream.nullOutputStream());
                                        return new long[] {response.statusCode(), size};
                                    }
                                }));
            }
        } finally {
            pool.shutdown();
        }
        List<Long> statuses = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (Future<long[]> answer : answers) {
            long[] statusAndSize = answer.get(180, TimeUnit.SECONDS);
            statuses.add(statusAndSize[0]);
            sizes.add(statusAndSize[1]);
        }
        sampling.set(false);
        sampler.join();
        answers.clear();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(
                "[list memory] %d pages of %d bytes; heap max %d MiB, used before %d MiB, peak"
                        + " %d MiB, after GC %d MiB%n",
                PARALLEL, sizes.get(0), max >> 20, before >> 20, peak.get() >> 20, after >> 20);

        assertThat(statuses).containsOnly(200L);
        // A page holds at most ~1 MiB of text (FORGE_QUOTE_LIST_PAGE_TEXT_BYTES), not 100 of
        // these quotes (~13 MB of JSON before the bound).
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(500_000L, 1_500_000L));
        // Nothing of the pages stays on the heap.
        assertThat(after - before).isLessThan(32L << 20);
        // Following next_cursor still lists every quote once, and the service still answers.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(owner).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var answer = request.get(BASE).then().statusCode(200).extract();
            List<String> ids = answer.path("items.id");
            assertThat(ids).isNotEmpty();
            seen.addAll(ids);
            cursor = answer.path("next_cursor");
        } while (cursor != null);
        assertThat(seen).hasSize(100).doesNotHaveDuplicates().startsWith(id);
        as(owner).get(BASE + "/" + id).then().statusCode(200);
    }

    /** {@code n} copies of the quote (and its items), each a second older than the last. */
    private void copy(String quoteId, int n) {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                """
                                WITH source AS (SELECT * FROM forge_quotes WHERE id = ?),
                                copies AS (
                                    INSERT INTO forge_quotes
                                        (id, number, customer_id, status, title, notes, currency,
                                         created_at, updated_at)
                                    SELECT gen_random_uuid(),
                                           'M-' || substr(md5(random()::text), 1, 28),
                                           customer_id, status, title, notes, currency,
                                           created_at - i * interval '1 second', updated_at
                                    FROM source, generate_series(1, ?) i
                                    RETURNING id)
                                INSERT INTO forge_quote_items
                                    (id, quote_id, position, description, quantity, unit,
                                     created_at, updated_at)
                                SELECT gen_random_uuid(), copies.id, item.position,
                                       item.description, item.quantity, item.unit,
                                       item.created_at, item.updated_at
                                FROM copies CROSS JOIN forge_quote_items item
                                WHERE item.quote_id = ?
                                """)) {
            s.setObject(1, UUID.fromString(quoteId));
            s.setInt(2, n);
            s.setObject(3, UUID.fromString(quoteId));
            assertThat(s.executeUpdate()).isEqualTo(n * 100);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
