package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.accept;
import static dev.patriotforge.quote.support.QuoteApi.action;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.events;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.priceBody;
import static dev.patriotforge.quote.support.QuoteApi.pricedQuote;
import static dev.patriotforge.quote.support.QuoteApi.requestChanges;
import static dev.patriotforge.quote.support.QuoteApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.quote.support.Database;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.quote.support.WebhookApi;
import dev.patriotforge.testsupport.webhook.StandardWebhooks;
import dev.patriotforge.testsupport.webhook.WebhookReceiver;
import dev.patriotforge.testsupport.webhook.WebhookReceiver.Answer;
import dev.patriotforge.testsupport.webhook.WebhookReceiver.Received;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks delivered to a real HTTP receiver: every event type, signed; retries after 500s and
 * after a timeout, in order and with growing delays; a manual retry of a failed delivery. The test
 * profile's timeout is 1 s and its retry base 0.5 s (the defaults are 10 s and 5 s).
 */
@QuarkusTest
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> ALL =
            List.of(
                    "quote.created",
                    "quote.submitted",
                    "quote.priced",
                    "quote.changes_requested",
                    "quote.accepted",
                    "quote.declined",
                    "quote.expired",
                    "quote.cancelled",
                    "quote.deleted");

    @Inject AgroalDataSource db;
    @Inject MeterRegistry registry;

    private WebhookReceiver receiver;
    private WebhookApi hooks;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        hooks = new WebhookApi();
    }

    @AfterEach
    void stop() {
        hooks.close();
        receiver.close();
    }

    private static String quoteOf(Received request) {
        return JsonPath.from(request.body()).getString("data.quote.id");
    }

    /** The ids of a quote's audit events, by type (the last of each type). */
    private static Map<String, String> auditIds(TestUser owner, String quoteId) {
        List<Map<String, Object>> items =
                events(owner, quoteId).statusCode(200).extract().jsonPath().getList("items");
        Map<String, String> ids = new HashMap<>();
        items.forEach(e -> ids.put((String) e.get("type"), (String) e.get("id")));
        return ids;
    }

    @Test
    void everyEventTypeIsDeliveredSignedWithTheQuoteAsTheChangeLeftIt() {
        Map<String, String> sub = hooks.subscribe(receiver.url("/all"), ALL);
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String accepted = createDraft(owner);
        submit(owner, accepted).statusCode(200);
        price(staff, accepted, priceBody(staff, accepted, inDays(30))).statusCode(200);
        requestChanges(owner, accepted, Map.of("reason", "cheaper")).statusCode(200);
        price(staff, accepted, priceBody(staff, accepted, inDays(30))).statusCode(200);
        accept(owner, accepted, Map.of()).statusCode(200);
        String declined = pricedQuote(owner, staff);
        action(owner, declined, "decline").statusCode(200);
        String cancelled = createDraft(owner);
        action(owner, cancelled, "cancel").statusCode(200);
        String deleted = createDraft(owner);
        as(owner).delete(BASE + "/" + deleted).then().statusCode(204);
        String expired = pricedQuote(owner, staff);
        Database.makeDue(db, expired);
        fetch(owner, expired).statusCode(200);

        Set<String> quotes = Set.of(accepted, declined, cancelled, deleted, expired);
        // accepted: 6 events; declined: 4; cancelled: 2; deleted: 2; expired: 4.
        List<Received> got = receiver.await(r -> quotes.contains(quoteOf(r)), 18, WAIT);
        Instant now = Instant.now();
        for (Received request : got) {
            JsonPath body = JsonPath.from(request.body());
            assertThat(StandardWebhooks.verify(sub.get("secret"), request, now))
                    .as(request.body())
                    .isTrue();
            assertThat(request.id()).isEqualTo(body.getString("id"));
            assertThat(body.getString("occurred_at")).endsWith("Z");
        }
        Set<String> types =
                got.stream()
                        .map(r -> JsonPath.from(r.body()).getString("type"))
                        .collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrderElementsOf(ALL);

        Received acceptance =
                got.stream()
                        .filter(r -> r.body().contains("\"type\":\"quote.accepted\""))
                        .findFirst()
                        .orElseThrow();
        JsonPath quote = JsonPath.from(acceptance.body());
        assertThat(quote.getString("data.quote.status")).isEqualTo("accepted");
        assertThat(quote.getInt("data.quote.revision")).isEqualTo(2);
        assertThat(quote.getLong("data.quote.total_minor")).isPositive();
        assertThat(acceptance.id()).isEqualTo(auditIds(owner, accepted).get("accepted"));

        Map<String, Object> delivery =
                hooks.awaitDelivery(
                        sub.get("id"),
                        acceptance.id(),
                        d -> "delivered".equals(d.get("status")),
                        WAIT);
        assertThat(delivery)
                .containsEntry("event_type", "quote.accepted")
                .containsEntry("attempt", 1)
                .containsEntry("response_status", 204)
                .containsEntry("next_attempt_at", null);
        assertThat(
                        registry.find("forge.quote.webhook.deliveries")
                                .tag("outcome", "delivered")
                                .counter()
                                .count())
                .isGreaterThanOrEqualTo(18);
    }

    @Test
    void aFailingSubscriberIsRetriedWithTheSameIdAndBodyAtGrowingIntervals() {
        Map<String, String> sub = hooks.subscribe(receiver.url("/flaky"), List.of("quote.created"));
        receiver.respond((request, n) -> n < 2 ? Answer.status(500) : Answer.ok());
        TestUser owner = TestUser.customer();
        String quote = createDraft(owner);
        List<Received> attempts = receiver.await(r -> quote.equals(quoteOf(r)), 3, WAIT);
        assertThat(attempts).extracting(Received::id).containsOnly(attempts.get(0).id());
        assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
        Duration first = Duration.between(attempts.get(0).at(), attempts.get(1).at());
        Duration second = Duration.between(attempts.get(1).at(), attempts.get(2).at());
        // Base 0.5 s, jitter x0.75..1.25: at least 375 ms, then at least 750 ms.
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(370));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(740));
        Map<String, Object> delivery =
                hooks.awaitDelivery(
                        sub.get("id"),
                        attempts.get(0).id(),
                        d -> "delivered".equals(d.get("status")),
                        WAIT);
        assertThat(delivery).containsEntry("attempt", 3).containsEntry("response_status", 204);
        assertThat(receiver.received(r -> quote.equals(quoteOf(r)))).hasSize(3);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsAFailedAttemptAndRetried() {
        Map<String, String> sub = hooks.subscribe(receiver.url("/slow"), List.of("quote.created"));
        receiver.respond(
                (request, n) -> n == 0 ? Answer.after(Duration.ofMillis(2500), 200) : Answer.ok());
        TestUser owner = TestUser.customer();
        String quote = createDraft(owner);
        List<Received> attempts = receiver.await(r -> quote.equals(quoteOf(r)), 2, WAIT);
        Map<String, Object> delivery =
                hooks.awaitDelivery(
                        sub.get("id"),
                        attempts.get(0).id(),
                        d -> "delivered".equals(d.get("status")),
                        WAIT);
        assertThat(delivery).containsEntry("attempt", 2).containsEntry("response_status", 204);
    }

    @Test
    void aManualRetrySendsAFailedDeliveryAgainWithTheSameId() {
        Map<String, String> sub = hooks.subscribe(receiver.url("/down"), List.of("quote.created"));
        receiver.respond((request, n) -> Answer.status(503));
        TestUser owner = TestUser.customer();
        String quote = createDraft(owner);
        Received first = receiver.await(r -> quote.equals(quoteOf(r)), 1, WAIT).get(0);
        // As if 24 hours had passed: the next failure is the last.
        WebhookApi.updateDeliveries(
                db,
                "UPDATE forge_webhook_deliveries SET give_up_at = now() WHERE subscription_id = ?",
                sub.get("id"));
        Map<String, Object> failed =
                hooks.awaitDelivery(
                        sub.get("id"), first.id(), d -> "failed".equals(d.get("status")), WAIT);
        assertThat(failed)
                .containsEntry("response_status", 503)
                .containsEntry("next_attempt_at", null);
        int attemptsBefore = receiver.received(r -> quote.equals(quoteOf(r))).size();

        receiver.respond((request, n) -> Answer.ok());
        WebhookApi.post(
                        hooks.admin(),
                        "/" + sub.get("id") + "/deliveries/" + failed.get("id") + "/retry")
                .statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("pending"))
                .body("event_id", org.hamcrest.Matchers.equalTo(first.id()));
        List<Received> all =
                receiver.await(r -> quote.equals(quoteOf(r)), attemptsBefore + 1, WAIT);
        assertThat(all.get(all.size() - 1).id()).isEqualTo(first.id());
        Map<String, Object> delivered =
                hooks.awaitDelivery(
                        sub.get("id"), first.id(), d -> "delivered".equals(d.get("status")), WAIT);
        assertThat(delivered).containsEntry("response_status", 204);
    }

    @Test
    void aDeletedSubscriptionReceivesNothingMore() {
        Map<String, String> sub = hooks.subscribe(receiver.url("/gone"), List.of("quote.created"));
        WebhookApi.delete(hooks.admin(), "/" + sub.get("id")).statusCode(204);
        TestUser owner = TestUser.customer();
        String quote = createDraft(owner);
        Map<String, String> probe =
                hooks.subscribe(receiver.url("/probe"), List.of("quote.submitted"));
        submit(owner, quote).statusCode(200);
        receiver.await(r -> r.path().equals("/probe") && quote.equals(quoteOf(r)), 1, WAIT);
        assertThat(receiver.received(r -> r.path().equals("/gone"))).isEmpty();
        assertThat(probe).containsKey("secret");
    }
}
