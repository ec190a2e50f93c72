package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.pricedQuote;
import static dev.patriotforge.quote.support.QuoteApi.submittedQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.quote.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListingTest {

    private static JsonPath page(TestUser user, String query) {
        return as(user).get(BASE + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void customersSeeOnlyTheirOwnQuotesNewestFirst() {
        TestUser owner = TestUser.customer();
        String first = createDraft(owner);
        String second = createDraft(owner);
        createDraft(TestUser.customer());
        JsonPath page = page(owner, "");
        assertThat(page.getList("items.id", String.class)).containsExactly(second, first);
        assertThat(page.getMap("")).containsKey("next_cursor");
        assertThat(page.getString("next_cursor")).isNull();
    }

    @Test
    void staffSeeEveryoneExceptOtherPeoplesDrafts() {
        TestUser customer = TestUser.customer();
        TestUser staff = TestUser.staff();
        String draft = createDraft(customer);
        String submitted = submittedQuote(customer);
        String ownDraft = createDraft(staff);
        List<String> seen =
                page(staff, "?customer_id=" + customer.id()).getList("items.id", String.class);
        assertThat(seen).contains(submitted).doesNotContain(draft);
        assertThat(page(staff, "?limit=100").getList("items.id", String.class))
                .contains(ownDraft, submitted)
                .doesNotContain(draft);
        assertThat(page(TestUser.admin(), "?customer_id=" + customer.id()).getList("items.id"))
                .containsExactly(submitted);
    }

    @Test
    void statusFilterIsRepeatable() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String draft = createDraft(owner);
        String submitted = submittedQuote(owner);
        String priced = pricedQuote(owner, staff);
        assertThat(page(owner, "?status=draft").getList("items.id")).containsExactly(draft);
        assertThat(page(owner, "?status=submitted&status=priced").getList("items.id"))
                .containsExactly(priced, submitted);
        as(owner)
                .get(BASE + "?status=bogus")
                .then()
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("status"));
    }

    @Test
    void aCustomerFilteringOnSomeoneElseSeesNothing() {
        TestUser owner = TestUser.customer();
        TestUser someoneElse = TestUser.customer();
        String other = submittedQuote(someoneElse);
        createDraft(someoneElse);
        createDraft(owner);
        // The other customer's quotes exist and are listed for staff under that filter.
        as(TestUser.staff())
                .get(BASE + "?customer_id=" + someoneElse.id())
                .then()
                .statusCode(200)
                .body("items.id", hasItem(other));
        as(owner)
                .get(BASE + "?customer_id=" + someoneElse.id())
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("items.id", not(hasItem(other)));
    }

    @Test
    void limitIsOneToAHundred() {
        TestUser owner = TestUser.customer();
        for (String bad : List.of("0", "101", "-1", "abc", "1.5")) {
            as(owner)
                    .get(BASE + "?limit=" + bad)
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem("limit"));
        }
        as(owner).get(BASE + "?limit=100").then().statusCode(200);
    }

    @Test
    void badCursorsAndCustomerIdsAreValidationErrors() {
        TestUser staff = TestUser.staff();
        for (String micros : List.of("-9223372036854775808", "9223372036854775807")) {
            String outOfRange =
                    java.util.Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(
                                    (micros + ":" + java.util.UUID.randomUUID())
                                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            as(staff)
                    .get(BASE + "?cursor=" + outOfRange)
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem("cursor"));
        }
        as(staff)
                .get(BASE + "?cursor=garbage!")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("cursor"));
        as(staff)
                .get(BASE + "?customer_id=nope")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("customer_id"));
    }

    @Test
    void pagesFollowEachOtherWithoutRepeatsOrGaps() {
        TestUser owner = TestUser.customer();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createDraft(owner));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = page(owner, "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        Collections.reverse(created);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void insertsBetweenPageRequestsNeitherRepeatNorSkipAnything() {
        TestUser owner = TestUser.customer();
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            before.add(createDraft(owner));
        }
        List<String> seen = new ArrayList<>();
        Set<String> addedDuring = new HashSet<>();
        String cursor = null;
        do {
            JsonPath page = page(owner, "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next_cursor");
            addedDuring.add(createDraft(owner));
            addedDuring.add(createDraft(owner));
        } while (cursor != null);
        Collections.reverse(before);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(before);
        assertThat(seen).doesNotContainAnyElementsOf(addedDuring);
        // A fresh walk sees everything, newest first.
        assertThat(page(owner, "?limit=100").getList("items.id", String.class))
                .hasSize(before.size() + addedDuring.size())
                .endsWith(before.toArray(String[]::new));
    }

    @Test
    void listItemsCarryTheFullQuote() {
        TestUser owner = TestUser.customer();
        createDraft(owner);
        as(owner)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items[0].items", hasSize(2))
                .body("items.status", everyItem(equalTo("draft")))
                .body("items[0].total_minor", nullValue());
    }
}
