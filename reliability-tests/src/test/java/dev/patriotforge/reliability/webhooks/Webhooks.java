package dev.patriotforge.reliability.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.testsupport.api.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the webhook tests share: an admin (a new account promoted in auth's database, then logged
 * in), subscriptions made and deleted through a quote replica, and the delivery rows.
 */
final class Webhooks {
    private final Cluster cluster;
    private final Api quote;
    private final String adminToken;

    Webhooks(Cluster cluster) throws SQLException {
        this.cluster = cluster;
        Api auth = Api.direct(cluster.url("auth-a"));
        Api.Account account = auth.newAccount("webhook-admin");
        try (Connection c = cluster.authDb();
                PreparedStatement s =
                        c.prepareStatement(
                                "UPDATE auth.forge_users SET role = 'admin' WHERE email = ?")) {
            s.setString(1, account.email());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        this.adminToken = auth.tokens(account).access();
        this.quote = Api.direct(cluster.url("quote-a"));
    }

    /** Subscribes the URL to quote.created; returns {id, secret}. */
    Map<String, String> subscribe(String url) {
        Response created =
                quote.authorized(adminToken)
                        .body(Map.of("url", url, "events", List.of("quote.created")))
                        .post("/api/webhooks");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return Map.of(
                "id", created.jsonPath().getString("id"),
                "secret", created.jsonPath().getString("secret"));
    }

    void unsubscribe(String id) {
        quote.authorized(adminToken).delete("/api/webhooks/" + id);
    }

    /** The quote a webhook body is about. */
    static String quoteOf(String body) {
        return JsonPath.from(body).getString("data.quote.id");
    }

    /** The status and attempts of the delivery of an event, e.g. "delivered/1", or null. */
    String delivery(String subscriptionId, String eventId) throws SQLException {
        try (Connection c = cluster.quoteDb();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT status, attempt FROM quote.forge_webhook_deliveries"
                                        + " WHERE subscription_id = ? AND event_id = ?")) {
            s.setObject(1, UUID.fromString(subscriptionId));
            s.setObject(2, UUID.fromString(eventId));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) + "/" + r.getInt(2) : null;
            }
        }
    }

    /** How many deliveries of the subscription are not yet delivered. */
    long undelivered(String subscriptionId) throws SQLException {
        try (Connection c = cluster.quoteDb();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT count(*) FROM quote.forge_webhook_deliveries"
                                        + " WHERE subscription_id = ? AND status <> 'delivered'")) {
            s.setObject(1, UUID.fromString(subscriptionId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
