package dev.patriotforge.reliability.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.ClusterTest;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.webhook.WebhookReceiver;
import dev.patriotforge.testsupport.webhook.WebhookReceiver.Received;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Two quote replicas dispatch one outbox: quotes created at both, each event delivered and
 * acknowledged, none twice (the claims' FOR UPDATE SKIP LOCKED and leases keep the replicas off
 * each other's deliveries; at-least-once allows a repeat only after a failure, and none happens).
 */
@Order(22)
class WebhookReplicasIT extends ClusterTest {
    private static final int QUOTES = 40;

    @Test
    void everyEventIsDeliveredOnceWithTwoReplicasDispatching() throws Exception {
        Webhooks hooks = new Webhooks(cluster);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, String> sub = hooks.subscribe(receiver.url("/replicas"));
            try {
                Api auth = Api.direct(cluster.url("auth-a"));
                String token = auth.tokens(auth.newAccount("webhook-replicas")).access();
                Set<String> quotes = new HashSet<>();
                for (int i = 0; i < QUOTES; i++) {
                    String replica = i % 2 == 0 ? "quote-a" : "quote-b";
                    Response created =
                            Api.direct(cluster.url(replica))
                                    .createQuote(token, null, "replicas " + UUID.randomUUID());
                    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
                    quotes.add(created.jsonPath().getString("id"));
                }
                receiver.await(
                        r -> quotes.contains(Webhooks.quoteOf(r.body())),
                        QUOTES,
                        Duration.ofMinutes(1));
                // Late duplicates would show up now.
                Thread.sleep(3_000);
                List<Received> got =
                        receiver.received(r -> quotes.contains(Webhooks.quoteOf(r.body())));
                Map<String, Long> perId =
                        got.stream()
                                .collect(
                                        Collectors.groupingBy(Received::id, Collectors.counting()));
                assertThat(perId).hasSize(QUOTES);
                assertThat(perId.values()).as("attempts per event id").containsOnly(1L);
                Set<String> delivered =
                        got.stream()
                                .map(r -> Webhooks.quoteOf(r.body()))
                                .collect(Collectors.toSet());
                assertThat(delivered).isEqualTo(quotes);
                Instant end = Instant.now().plus(Duration.ofSeconds(30));
                while (hooks.undelivered(sub.get("id")) > 0) {
                    assertThat(Instant.now()).as("every delivery acknowledged").isBefore(end);
                    Thread.sleep(200);
                }
                for (Map.Entry<String, Long> id : perId.entrySet()) {
                    assertThat(hooks.delivery(sub.get("id"), id.getKey())).isEqualTo("delivered/1");
                }
            } finally {
                hooks.unsubscribe(sub.get("id"));
            }
        }
    }
}
