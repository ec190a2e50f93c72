package dev.patriotforge.reliability.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.ClusterTest;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.webhook.StandardWebhooks;
import dev.patriotforge.testsupport.webhook.WebhookReceiver;
import dev.patriotforge.testsupport.webhook.WebhookReceiver.Answer;
import dev.patriotforge.testsupport.webhook.WebhookReceiver.Received;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A webhook event committed before SIGKILL of quote-service is delivered after the restart, not
 * lost: the receiver holds the first attempt (it never answers in time), both quote replicas are
 * killed while it is in flight, the receiver recovers, the replicas restart, and once the dead
 * claim's lease (15 s here) runs out the event is delivered with the same webhook-id.
 */
@Order(66)
class WebhookKillIT extends ClusterTest {

    @Test
    void anEventCommittedBeforeSigkillIsDeliveredAfterTheRestart() throws Exception {
        Webhooks hooks = new Webhooks(cluster);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.respond((request, n) -> Answer.after(Duration.ofSeconds(60), 204));
            Map<String, String> sub = hooks.subscribe(receiver.url("/kill"));
            try {
                Api auth = Api.direct(cluster.url("auth-a"));
                String token = auth.tokens(auth.newAccount("webhook-kill")).access();
                Response created =
                        Api.direct(cluster.url("quote-b"))
                                .createQuote(token, null, "webhook kill " + UUID.randomUUID());
                assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
                String quote = created.jsonPath().getString("id");

                // Committed and claimed: the first attempt hangs at the receiver.
                Received first =
                        receiver.await(r -> quote.equals(Webhooks.quoteOf(r.body())), 1, patience())
                                .get(0);
                for (String name : Cluster.QUOTE) {
                    cluster.ctl("kill", name);
                }
                assertThat(hooks.delivery(sub.get("id"), first.id())).startsWith("pending/");

                receiver.respond((request, n) -> Answer.ok());
                for (String name : Cluster.QUOTE) {
                    cluster.ctl("start", name);
                }
                List<Received> attempts =
                        receiver.await(
                                r -> quote.equals(Webhooks.quoteOf(r.body())), 2, patience());
                assertThat(attempts).extracting(Received::id).containsOnly(first.id());
                assertThat(attempts)
                        .allSatisfy(
                                r ->
                                        assertThat(
                                                        StandardWebhooks.verify(
                                                                sub.get("secret"),
                                                                r,
                                                                Instant.now()))
                                                .isTrue());
                awaitDelivered(hooks, sub.get("id"), first.id());
            } finally {
                hooks.unsubscribe(sub.get("id"));
            }
        }
    }

    private static Duration patience() {
        return Duration.ofMinutes(2);
    }

    private static void awaitDelivered(Webhooks hooks, String sub, String event) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (!String.valueOf(hooks.delivery(sub, event)).startsWith("delivered/")) {
            assertThat(Instant.now()).as("delivery of " + event).isBefore(end);
            Thread.sleep(200);
        }
    }
}
