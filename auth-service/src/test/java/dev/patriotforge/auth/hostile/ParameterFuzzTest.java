package dev.patriotforge.auth.hostile;

import static dev.patriotforge.auth.hostile.HostileParts.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.testsupport.http.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Path parameters, query parameters, the {@code Authorization} header and the {@code forge_refresh}
 * cookie, fuzzed and sent byte for byte (no client library rewrites them): never a 5xx, every 4xx a
 * problem document, and nothing reached through traversal.
 */
@QuarkusTest
class ParameterFuzzTest {
    private static final int SAMPLES = 12;

    private static Map<String, String> headers(String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-For", Api.ip());
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return headers;
    }

    private static Map<String, String> json(Map<String, String> headers) {
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hostilePathParametersAreNotFoundOrRejectedNeverServerErrors() {
        String name = "path parameters";
        Api.Session admin = Admins.boss();
        Api.Session customer = Api.registerAndLogin("fuzz-path");
        Api.Session victim = Api.registerAndLogin("fuzz-path-victim");
        Answers answers = new Answers(name);
        List<String> segments =
                new java.util.ArrayList<>(
                        List.of(
                                "..%2Fusers%2F" + victim.account().id(),
                                "../users/" + victim.account().id(),
                                "..%2F..%2Fauth%2Fusers%2F" + victim.account().id(),
                                victim.sid() + "%00",
                                victim.sid().toUpperCase(java.util.Locale.ROOT) + "%2F..%2F"));
        segments.addAll(FuzzSeed.draw(name, HostileParts.pathSegments(), SAMPLES));
        String asAdmin = "Bearer " + admin.accessToken();
        String asCustomer = "Bearer " + customer.accessToken();
        for (String segment : segments) {
            String users = "/api/auth/users/" + segment;
            String sessions = "/api/auth/sessions/" + segment;
            answers.check("GET " + users, RawHttp.send("GET", users, headers(asAdmin), null));
            answers.check(
                    "PATCH " + users,
                    RawHttp.send(
                            "PATCH",
                            users,
                            json(headers(asAdmin)),
                            utf8("{\"role\":\"customer\"}")));
            answers.check(
                    "DELETE " + sessions + " (customer)",
                    RawHttp.send("DELETE", sessions, headers(asCustomer), null));
            answers.check(
                    "DELETE " + users + " (customer)",
                    RawHttp.send("DELETE", users, headers(asCustomer), null));
        }
        answers.assertAllFine();
        // Nothing of the victim's was reached by a traversal.
        Api.bearer(victim.accessToken()).get("/api/auth/me").then().statusCode(200);
        Api.bearer(admin.accessToken())
                .get("/api/auth/users/" + victim.account().id())
                .then()
                .statusCode(200);
    }

    @Test
    void hostileQueryParametersOfTheUserListAreRejectedNeverServerErrors() {
        String name = "query parameters";
        Api.Session admin = Admins.boss();
        Answers answers = new Answers(name);
        String auth = "Bearer " + admin.accessToken();
        List<String> values = FuzzSeed.draw(name, HostileParts.queryValues(), SAMPLES);
        for (String parameter : List.of("limit", "cursor", "email", "role")) {
            for (String value : values) {
                String target = "/api/auth/users?" + parameter + "=" + value;
                answers.check("GET " + target, RawHttp.send("GET", target, headers(auth), null));
            }
        }
        for (String target :
                List.of(
                        "/api/auth/users?limit=1&limit=101",
                        "/api/auth/users?limit",
                        "/api/auth/users?=&&&=",
                        "/api/auth/users?limit=1&cursor=&email=&role=",
                        "/api/auth/users?role=admin&role=root",
                        "/api/auth/users?%00=1",
                        "/api/auth/users?email=" + "a".repeat(3_000) + "%40forge.test")) {
            answers.check("GET " + target, RawHttp.send("GET", target, headers(auth), null));
        }
        answers.assertAllFine();
    }

    @Test
    void hostileAuthorizationHeadersAreUnauthorizedNeverServerErrors() {
        String name = "Authorization headers";
        Api.Session session = Api.registerAndLogin("fuzz-authz");
        Answers answers = new Answers(name);
        List<String[]> endpoints =
                List.of(
                        new String[] {"GET", "/api/auth/me"},
                        new String[] {"GET", "/api/auth/sessions"},
                        new String[] {"GET", "/api/auth/users"},
                        new String[] {"PATCH", "/api/auth/me"});
        List<String> values =
                FuzzSeed.draw(name, HostileHeaders.authorizationHeaders(), 2 * SAMPLES);
        for (int i = 0; i < values.size(); i++) {
            String header = values.get(i).replace(TOKEN, session.accessToken());
            String[] endpoint = endpoints.get(i % endpoints.size());
            byte[] body = "PATCH".equals(endpoint[0]) ? utf8("{\"display_name\":\"Ann\"}") : null;
            Map<String, String> headers = headers(header);
            if (body != null) {
                json(headers);
            }
            RawHttp.Response answer =
                    answers.check(
                            endpoint[0]
                                    + " "
                                    + endpoint[1]
                                    + " Authorization: "
                                    + Answers.abbreviate(header),
                            RawHttp.send(endpoint[0], endpoint[1], headers, body));
            if (!header.contains(session.accessToken())) {
                assertThat(answer.status())
                        .as("a made-up Authorization header gets nobody in: %s", header)
                        .isEqualTo(401);
            }
        }
        answers.assertAllFine();
    }

    @Test
    void hostileRefreshCookiesAreUnauthorizedNeverServerErrors() {
        String name = "forge_refresh cookies";
        Api.Session session = Api.registerAndLogin("fuzz-cookie");
        String[] live = {session.refreshToken()};
        Answers answers = new Answers(name);
        List<String> cookies = FuzzSeed.draw(name, HostileHeaders.refreshCookies(), SAMPLES + 6);
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i).replace(TOKEN, live[0]);
            Map<String, String> headers = headers(null);
            headers.put("Cookie", cookie);
            // Every other one with an empty JSON body: the two ways a browser may refresh.
            byte[] body = i % 2 == 0 ? null : utf8("{}");
            if (body != null) {
                json(headers);
            }
            RawHttp.Response answer =
                    answers.check(
                            "POST /api/auth/refresh Cookie: " + Answers.abbreviate(cookie),
                            RawHttp.send("POST", "/api/auth/refresh", headers, body));
            if (answer.status() == 200) {
                live[0] =
                        io.restassured.path.json.JsonPath.from(answer.text())
                                .getString("refresh_token");
            }
        }
        answers.assertAllFine();
    }
}
