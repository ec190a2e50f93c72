package dev.patriotforge.quote.security;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.quote.support.RedisAdmin;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.shared.security.RedisKeys;
import dev.patriotforge.shared.security.Roles;
import dev.patriotforge.testsupport.jwt.Tokens;
import dev.patriotforge.testsupport.logs.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Captures every log record, with every logger at DEBUG except those the configuration pins (the
 * smallrye-jwt categories), while valid, expired, forged, unknown-key and revoked bearer tokens
 * reach the service, then looks for each token and its signature in the log text. (At DEBUG,
 * smallrye-jwt's "Authentication failed" record carries the whole rejected token in its cause; the
 * service's configuration must keep that logger above DEBUG.) The test's own HTTP client (REST
 * Assured's Apache HttpClient, in this JVM) stays at INFO: at DEBUG its wire log writes every
 * request it sends, Authorization header included, which says nothing about the service.
 */
@QuarkusTest
class NoSecretsInLogsTest {
    private static final String MARKER = "no-secrets-in-logs marker";

    @Test
    void noBearerTokenReachesTheLogs() {
        Logger root = Logger.getLogger("");
        LogCapture capture = new LogCapture();
        Logger own = Logger.getLogger("dev.patriotforge");
        Level ownLevel = own.getLevel();
        own.setLevel(Level.FINE);
        Level rootLevel = root.getLevel();
        root.setLevel(Level.FINE);
        Logger client = Logger.getLogger("org.apache.http");
        Level clientLevel = client.getLevel();
        client.setLevel(Level.INFO);
        root.addHandler(capture);
        own.info(MARKER);
        List<String> tokens = new ArrayList<>();
        try {
            TestUser owner = TestUser.customer();
            tokens.add(owner.token());
            String id = createDraft(owner);
            as(owner).post(BASE + "/" + id + "/submit").then().statusCode(200);
            as(owner).get(BASE + "/" + UUID.randomUUID()).then().statusCode(404);

            UUID user = UUID.randomUUID();
            UUID session = UUID.randomUUID();
            Tokens.Builder token = Tokens.of(user, Roles.CUSTOMER, session);
            tokens.add(token.expiresAt(Instant.now().minusSeconds(600)).rs256());
            tokens.add(
                    Tokens.of(user, Roles.CUSTOMER, session)
                            .signedWith(Tokens.rogueKey("rogue-" + UUID.randomUUID()))
                            .rs256());
            tokens.add(
                    Tokens.of(user, Roles.CUSTOMER, session)
                            .hs256(Tokens.publishedKeyBytes().get(2)));
            tokens.add(Tokens.of(user, "superuser", session).rs256());
            String valid = Tokens.of(user, Roles.CUSTOMER, session).rs256();
            tokens.add(valid + "x");
            for (String forged : List.copyOf(tokens.subList(1, tokens.size()))) {
                given().header("Authorization", "Bearer " + forged)
                        .get(BASE)
                        .then()
                        .statusCode(org.hamcrest.Matchers.oneOf(401, 403));
            }
            try (RedisAdmin redis = RedisAdmin.connect()) {
                redis.command("SET", RedisKeys.revokedSession(session), "1", "EX", "900");
            }
            tokens.add(valid);
            given().header("Authorization", "Bearer " + valid).get(BASE).then().statusCode(401);
        } finally {
            root.removeHandler(capture);
            own.setLevel(ownLevel);
            root.setLevel(rootLevel);
            client.setLevel(clientLevel);
        }

        List<String> lines = capture.lines();
        assertThat(lines).as("the capture sees the service's log records").contains(MARKER);
        for (String line : lines) {
            for (String token : tokens) {
                String signature = token.substring(token.lastIndexOf('.') + 1);
                assertThat(line).doesNotContain(token);
                assertThat(line).doesNotContain(signature);
            }
        }
    }
}
