package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.action;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.priceBody;
import static dev.patriotforge.quote.support.QuoteApi.requestChanges;
import static dev.patriotforge.quote.support.QuoteApi.submit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.patriotforge.quote.support.Database;
import dev.patriotforge.quote.support.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transition from every status by every kind of caller, over HTTP, against an expectation
 * written out here independently of the service's state table.
 */
@QuarkusTest
class TransitionMatrixTest {
    enum Who {
        OWNER,
        OTHER_CUSTOMER,
        STAFF,
        ADMIN
    }

    static final List<String> STATUSES =
            List.of("draft", "submitted", "priced", "accepted", "declined", "expired", "cancelled");
    static final List<String> ACTIONS =
            List.of("submit", "price", "request-changes", "accept", "decline", "cancel");

    @Inject AgroalDataSource db;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String status : STATUSES) {
            for (String action : ACTIONS) {
                for (Who who : Who.values()) {
                    cases.add(Arguments.of(status, action, who));
                }
            }
        }
        return cases.stream();
    }

    /** The expected answer: a status code and, for refusals, the problem code. */
    record Expected(int status, String code, String newStatus) {}

    static Expected expected(String status, String action, Who who) {
        boolean staff = who == Who.STAFF || who == Who.ADMIN;
        if (who == Who.OTHER_CUSTOMER || (staff && status.equals("draft"))) {
            return new Expected(404, "not_found", null);
        }
        String to =
                switch (status + ":" + action + ":" + (staff ? "staff" : "owner")) {
                    case "draft:submit:owner" -> "submitted";
                    case "submitted:price:staff", "priced:price:staff" -> "priced";
                    case "priced:request-changes:owner" -> "submitted";
                    case "priced:accept:owner" -> "accepted";
                    case "priced:decline:owner" -> "declined";
                    case "draft:cancel:owner",
                            "submitted:cancel:owner",
                            "priced:cancel:owner",
                            "submitted:cancel:staff",
                            "priced:cancel:staff" ->
                            "cancelled";
                    default -> null;
                };
        if (to != null) {
            return new Expected(200, null, to);
        }
        boolean roleMayEver =
                staff
                        ? List.of("price", "cancel").contains(action)
                        : List.of("submit", "request-changes", "accept", "decline", "cancel")
                                .contains(action);
        if (!roleMayEver) {
            return new Expected(403, "forbidden", null);
        }
        if (status.equals("expired") && action.equals("accept")) {
            return new Expected(409, "quote_expired", null);
        }
        return new Expected(409, "invalid_state_transition", null);
    }

    @ParameterizedTest(name = "{2} {1} on {0}")
    @MethodSource("cases")
    void transitionIsAllowedOrRefusedAsTheContractSays(String status, String action, Who who) {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = quoteIn(status, owner, staff);
        TestUser caller =
                switch (who) {
                    case OWNER -> owner;
                    case OTHER_CUSTOMER -> TestUser.customer();
                    case STAFF -> staff;
                    case ADMIN -> TestUser.admin();
                };
        String before = fetch(owner, id).extract().header("ETag");
        ValidatableResponse response =
                switch (action) {
                    case "price" -> price(caller, id, priceBody(owner, id, inDays(10)));
                    case "request-changes" ->
                            requestChanges(caller, id, Map.of("reason", "Fewer posts, please"));
                    default -> action(caller, id, action);
                };
        Expected expected = expected(status, action, who);
        response.statusCode(expected.status());
        if (expected.status() == 200) {
            response.body("status", equalTo(expected.newStatus())).header("ETag", notNullValue());
        } else {
            response.contentType("application/problem+json").body("code", equalTo(expected.code()));
            fetch(owner, id).body("status", equalTo(status)).header("ETag", equalTo(before));
        }
    }

    private String quoteIn(String status, TestUser owner, TestUser staff) {
        String id = createDraft(owner);
        if (status.equals("draft")) {
            return id;
        }
        if (status.equals("cancelled")) {
            action(owner, id, "cancel").statusCode(200);
            return id;
        }
        submit(owner, id).statusCode(200);
        if (status.equals("submitted")) {
            return id;
        }
        price(staff, id, priceBody(staff, id, inDays(10))).statusCode(200);
        switch (status) {
            case "accepted" -> action(owner, id, "accept").statusCode(200);
            case "declined" -> action(owner, id, "decline").statusCode(200);
            case "expired" -> {
                Database.makeDue(db, id);
                fetch(owner, id).statusCode(200).body("status", equalTo("expired"));
            }
            default -> {}
        }
        return id;
    }
}
