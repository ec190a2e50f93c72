package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.createQuote;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.priceBody;
import static dev.patriotforge.quote.support.QuoteApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.service.QuoteDocuments;
import dev.patriotforge.quote.support.Pdfs;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.shared.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The largest quote the API accepts (100 items of 500 characters, 5,000 characters of notes, in
 * Greek and Cyrillic) renders within a bounded time and allocation. Prints the figures: {@code
 * ./forge test -pl quote-service -am -Dtest=QuoteDocumentBoundsTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class QuoteDocumentBoundsTest {
    private static final int RENDERS = 5;
    private static final long MAX_MILLIS = 5_000;
    private static final long MAX_ALLOCATED = 512L * 1024 * 1024;

    @Inject QuoteDocuments documents;

    @Test
    void aHundredItemQuoteWithLongNotesRendersWithinBoundedTimeAndMemory() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String words = "Δοκιμή Проверка widget € ✓ ";
        String description = words.repeat(500 / words.length() + 1).substring(0, 500);
        List<Map<String, Object>> items =
                IntStream.range(0, 100)
                        .mapToObj(
                                i ->
                                        Map.<String, Object>of(
                                                "description",
                                                description,
                                                "quantity",
                                                999999.999,
                                                "unit",
                                                "u".repeat(20)))
                        .toList();
        Map<String, Object> body =
                Map.of("title", "T".repeat(200), "notes", "N ".repeat(2500), "items", items);
        String id = createQuote(owner, body).statusCode(201).extract().path("id");
        submit(owner, id).statusCode(200);
        price(staff, id, priceBody(staff, id, inDays(30))).statusCode(200);

        Response response = Pdfs.get(owner, id, 1);
        response.then().statusCode(200).contentType("application/pdf");
        byte[] pdf = response.asByteArray();
        String text = Pdfs.text(pdf);
        assertThat(text).contains("Total USD").contains("Δοκιμή Проверка widget € ✓");

        Caller caller = new Caller(owner.id(), UUID.randomUUID(), Roles.CUSTOMER, Set.of(), null);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long worstMillis = 0;
        long worstAllocated = 0;
        for (int i = 0; i < RENDERS; i++) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            byte[] again = documents.pdf(caller, UUID.fromString(id), "1").bytes();
            long millis = (System.nanoTime() - start) / 1_000_000;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            assertThat(again).isEqualTo(pdf);
            worstMillis = Math.max(worstMillis, millis);
            worstAllocated = Math.max(worstAllocated, allocated);
        }
        System.out.printf(
                "quote document, 100 items: %d bytes, %d pages; worst of %d renders: %d ms,"
                        + " %d MiB allocated%n",
                pdf.length, Pdfs.pages(pdf), RENDERS, worstMillis, worstAllocated >> 20);
        assertThat(worstMillis).isLessThan(MAX_MILLIS);
        assertThat(worstAllocated).isLessThan(MAX_ALLOCATED);
    }
}
