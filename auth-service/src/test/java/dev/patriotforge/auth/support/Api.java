package dev.patriotforge.auth.support;

import static io.restassured.RestAssured.given;

import com.nimbusds.jwt.SignedJWT;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Drives the API as a client would. Every helper account comes from its own client IP (sent as
 * X-Forwarded-For, which the test profile trusts from loopback) so that per-IP limits of one test
 * never touch another.
 */
public final class Api {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger NEXT_IP = new AtomicInteger(RANDOM.nextInt(60_000));
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private Api() {}

    /** A registered account and the IP it registered from. */
    public record Account(String id, String email, String password, String ip) {}

    /** A logged-in session of an account. */
    public record Session(Account account, String accessToken, String refreshToken, String sid) {}

    /** A fresh client address in the benchmarking range 198.18.0.0/15 (never contacted). */
    public static String ip() {
        int n = NEXT_IP.incrementAndGet() % 131_072;
        return "198." + (18 + n / 65_536) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    public static String email(String tag) {
        return tag + "-" + UUID.randomUUID().toString().substring(0, 12) + "@forge.test";
    }

    /** A strong random password. */
    public static String password() {
        StringBuilder b = new StringBuilder("Fjord-");
        for (int i = 0; i < 14; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** A JSON request from the given client IP. */
    public static RequestSpecification from(String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON);
    }

    public static RequestSpecification bearer(String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken)
                .header("X-Forwarded-For", ip());
    }

    public static Account register(String tag) {
        String email = email(tag);
        String password = password();
        String ip = ip();
        String id =
                from(ip).body(
                                Map.of(
                                        "email",
                                        email,
                                        "password",
                                        password,
                                        "display_name",
                                        "Test " + tag))
                        .post("/api/auth/register")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return new Account(id, email, password, ip);
    }

    public static Response loginResponse(String email, String password, String ip) {
        return from(ip).body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }

    public static Session login(Account account) {
        Response r = loginResponse(account.email(), account.password(), account.ip());
        r.then().statusCode(200);
        String access = r.path("access_token");
        return new Session(account, access, r.path("refresh_token"), sidOf(access));
    }

    public static Session registerAndLogin(String tag) {
        return login(register(tag));
    }

    /** The bootstrap admin of the test profile. */
    public static Account bootstrapAdmin() {
        var config = ConfigProvider.getConfig();
        return new Account(
                null,
                config.getValue("forge.auth.bootstrap.admin-email", String.class),
                config.getValue("forge.auth.bootstrap.admin-password", String.class),
                ip());
    }

    /** A new account promoted to admin by the bootstrap admin, logged in. */
    public static Session newAdmin() {
        Account account = register("admin");
        Session boss = login(bootstrapAdmin());
        bearer(boss.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "admin"))
                .patch("/api/auth/users/" + account.id())
                .then()
                .statusCode(200);
        return login(account);
    }

    public static String sidOf(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
        } catch (ParseException e) {
            throw new AssertionError("not a JWT", e);
        }
    }
}
