package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.priceBody;
import static dev.patriotforge.quote.support.QuoteApi.pricedQuote;
import static dev.patriotforge.quote.support.QuoteApi.requestChanges;
import static dev.patriotforge.quote.support.QuoteApi.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.testsupport.http.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

    private static double metric(String name) {
        String text =
                given().accept("text/plain")
                        .get(Management.url("/q/metrics"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        // Prometheus text: name{label="value",} 1.0 (the trailing comma is optional).
        String pattern =
                "(?m)^" + Pattern.quote(name).replace("}", "\\E,?\\}\\Q") + " ([0-9.eE+-]+)$";
        Matcher m = Pattern.compile(pattern).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void createsAndTransitionsAreCounted() {
        double created = metric("forge_quote_quotes_created_total");
        double submitted = metric("forge_quote_transitions_total{to=\"submitted\"}");
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        submit(owner, id).statusCode(200);
        submit(owner, id).statusCode(409);
        assertThat(metric("forge_quote_quotes_created_total")).isGreaterThanOrEqualTo(created + 1);
        assertThat(metric("forge_quote_transitions_total{to=\"submitted\"}"))
                .isGreaterThanOrEqualTo(submitted + 1);
    }

    @Test
    void rePricingsAndChangeRequestsAreCounted() {
        double repricings = metric("forge_quote_repricings_total");
        double changeRequests = metric("forge_quote_change_requests_total");
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = pricedQuote(owner, staff);
        price(staff, id, priceBody(staff, id, inDays(20))).statusCode(200);
        requestChanges(owner, id, Map.of("reason", "Cheaper, please")).statusCode(200);
        requestChanges(owner, id, Map.of("reason", "Again")).statusCode(409);
        assertThat(metric("forge_quote_repricings_total")).isGreaterThanOrEqualTo(repricings + 1);
        assertThat(metric("forge_quote_change_requests_total"))
                .isGreaterThanOrEqualTo(changeRequests + 1);
    }

    @Test
    void everyTargetStatusHasACounterFromTheStart() {
        String text =
                given().accept("text/plain")
                        .get(Management.url("/q/metrics"))
                        .then()
                        .extract()
                        .asString();
        for (String to :
                new String[] {
                    "submitted", "priced", "accepted", "declined", "expired", "cancelled"
                }) {
            assertThat(text)
                    .containsPattern("forge_quote_transitions_total\\{to=\"" + to + "\",?}");
        }
    }
}
