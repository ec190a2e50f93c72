package dev.patriotforge.quote.hostile;

import static dev.patriotforge.quote.support.QuoteApi.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.shared.security.Roles;
import dev.patriotforge.testsupport.hostile.Fuzz;
import dev.patriotforge.testsupport.http.RawHttp;
import dev.patriotforge.testsupport.http.RequestCount;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The endpoints that are not transitions (read one, list, events, edit, delete, create), for a
 * quote owned by a customer, a staff member or an admin, in draft, submitted and cancelled, called
 * by its owner, by another customer, staff member or admin, and by nobody: the exact status
 * CONTRACT.md gives, written out here independently of the service. A quote the caller may not see
 * is a 404, never a 403, and never a 412 that would confirm its version. TransitionMatrixTest
 * covers submit, price, accept, decline and cancel.
 */
@QuarkusTest
class AuthorizationMatrixTest {
    enum Who {
        OWNER,
        OTHER_CUSTOMER,
        OTHER_STAFF,
        OTHER_ADMIN,
        NOBODY
    }

    static final List<String> OWNER_ROLES = List.of(Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN);
    static final List<String> STATUSES = List.of("draft", "submitted", "cancelled");
    private static final Map<Integer, String> CODES =
            Map.of(
                    401, "unauthenticated",
                    403, "forbidden",
                    404, "not_found",
                    409, "invalid_state_transition",
                    412, "version_mismatch",
                    428, "precondition_required");

    private final Answers answers = new Answers(Fuzz.fixed("authorization matrix"));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String ownerRole : OWNER_ROLES) {
            for (String status : STATUSES) {
                for (Who who : Who.values()) {
                    cases.add(Arguments.of(ownerRole, status, who));
                }
            }
        }
        return cases.stream();
    }

    /** The owner sees a quote; staff and admin see it too unless it is someone else's draft. */
    static boolean sees(String status, Who who) {
        return switch (who) {
            case OWNER -> true;
            case OTHER_STAFF, OTHER_ADMIN -> !status.equals("draft");
            case OTHER_CUSTOMER, NOBODY -> false;
        };
    }

    /** PATCH with the current If-Match: the owner edits drafts only. */
    static int patch(String status, Who who) {
        if (who == Who.NOBODY) {
            return 401;
        }
        if (!sees(status, who)) {
            return 404;
        }
        if (who == Who.OWNER) {
            return status.equals("draft") ? 200 : 409;
        }
        return 403;
    }

    /** DELETE with the current If-Match: the owner deletes drafts, an admin anything. */
    static int delete(String ownerRole, String status, Who who) {
        if (who == Who.NOBODY) {
            return 401;
        }
        if (!sees(status, who)) {
            return 404;
        }
        if (who == Who.OTHER_ADMIN || (who == Who.OWNER && ownerRole.equals(Roles.ADMIN))) {
            return 204;
        }
        if (who == Who.OWNER) {
            return status.equals("draft") ? 204 : 409;
        }
        return 403;
    }

    /** A stale If-Match is a 412 only where the write would otherwise go through. */
    static int stale(int withCurrentTag) {
        return withCurrentTag < 300 ? 412 : withCurrentTag;
    }

    @BeforeAll
    static void startCounting() {
        RequestCount.start();
    }

    @AfterAll
    static void printCount() {
        RequestCount.print(AuthorizationMatrixTest.class);
    }

    @ParameterizedTest(name = "{2} on a {1} quote of a {0}")
    @MethodSource("cases")
    void eachCallerGetsTheStatusTheContractGives(String ownerRole, String status, Who who) {
        TestUser owner = TestUser.of(ownerRole);
        String id = Calls.quoteIn(status, owner);
        String path = BASE + "/" + id;
        TestUser caller =
                switch (who) {
                    case OWNER -> owner;
                    case OTHER_CUSTOMER -> TestUser.customer();
                    case OTHER_STAFF -> TestUser.staff();
                    case OTHER_ADMIN -> TestUser.admin();
                    case NOBODY -> null;
                };
        int read = who == Who.NOBODY ? 401 : sees(status, who) ? 200 : 404;
        expect(RawHttp.Request.of("GET", path), caller, read);
        expect(RawHttp.Request.of("GET", path + "/events"), caller, read);

        String filtered = BASE + "?customer_id=" + owner.id() + "&status=" + status;
        JsonNode page =
                expect(RawHttp.Request.of("GET", filtered), caller, who == Who.NOBODY ? 401 : 200);
        if (who != Who.NOBODY) {
            boolean listed = page.get("items").findValuesAsText("id").contains(id);
            check(listed == (read == 200), filtered, caller, "listed: " + listed);
        }

        // create -> 0, submit or cancel -> 1
        String etag = status.equals("draft") ? "\"0\"" : "\"1\"";
        int patch = patch(status, who);
        expect(edit(path, null), caller, who == Who.NOBODY ? 401 : 428);
        expect(edit(path, "\"999\""), caller, stale(patch));
        expect(edit(path, etag), caller, patch);
        if (patch == 200) {
            etag = "\"1\"";
        }

        int delete = delete(ownerRole, status, who);
        expect(
                RawHttp.Request.of("DELETE", path).header("If-Match", "\"999\""),
                caller,
                stale(delete));
        expect(RawHttp.Request.of("DELETE", path).header("If-Match", etag), caller, delete);

        JsonNode after = expect(RawHttp.Request.of("GET", path), owner, delete == 204 ? 404 : 200);
        if (delete != 204) {
            String title = after.get("title").asText();
            check(
                    title.equals(patch == 200 ? "Renamed" : "Gate hardware")
                            && after.get("status").asText().equals(status),
                    path,
                    caller,
                    "the quote afterwards: " + after);
        }
    }

    @Test
    void everyRoleMayCreateAndNobodyMayNot() {
        for (String role : OWNER_ROLES) {
            TestUser caller = TestUser.of(role);
            JsonNode quote =
                    expect(RawHttp.Request.of("POST", BASE).json(Calls.VALID_QUOTE), caller, 201);
            check(
                    quote.get("customer_id").asText().equals(caller.id().toString())
                            && quote.get("status").asText().equals("draft"),
                    BASE,
                    caller,
                    "created " + quote);
        }
        expect(RawHttp.Request.of("POST", BASE).json(Calls.VALID_QUOTE), null, 401);
        expect(RawHttp.Request.of("GET", BASE), null, 401);
    }

    @Test
    void aMissingOrStaleIfMatchSaysNothingAboutAQuoteThatDoesNotExist() {
        TestUser stranger = TestUser.customer();
        String nowhere = BASE + "/" + UUID.randomUUID();
        expect(edit(nowhere, null), stranger, 428);
        expect(edit(nowhere, "\"0\""), stranger, 404);
        expect(RawHttp.Request.of("DELETE", nowhere).header("If-Match", "\"0\""), stranger, 404);
    }

    private static RawHttp.Request edit(String path, String ifMatch) {
        RawHttp.Request request = RawHttp.Request.of("PATCH", path).json("{\"title\":\"Renamed\"}");
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }

    /** Sends as {@code caller}; the answer has exactly {@code status} and, if refused, its code. */
    private JsonNode expect(RawHttp.Request request, TestUser caller, int status) {
        RawHttp.Request sent = request.as(caller);
        RawHttp.Response response = answers.send(sent);
        if (response.status() != status) {
            answers.failWith(sent, response, "expected " + status);
        }
        if (status >= 400 && !CODES.get(status).equals(response.json().path("code").asText())) {
            answers.failWith(sent, response, "expected the code " + CODES.get(status));
        }
        if (status == 401 && !"Bearer".equals(response.header("WWW-Authenticate"))) {
            answers.failWith(sent, response, "a 401 without WWW-Authenticate: Bearer");
        }
        return response.json();
    }

    private void check(boolean ok, String path, TestUser caller, String what) {
        if (!ok) {
            throw new AssertionError(
                    what + " for " + (caller == null ? "nobody" : caller.role()) + " at " + path);
        }
    }
}
