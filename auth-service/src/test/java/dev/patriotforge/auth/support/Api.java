package dev.patriotforge.auth.support;

import static io.restassured.RestAssured.given;

import com.nimbusds.jwt.SignedJWT;
import dev.patriotforge.testsupport.api.ClientIps;
import dev.patriotforge.testsupport.api.Credentials;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.text.ParseException;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Drives the API as a client would. Every helper account comes from its own client IP (sent as
 * X-Forwarded-For, which the test profile trusts from loopback) so that per-IP limits of one test
 * never touch another.
 */
public final class Api {
    private Api() {}

    /** A registered account and the IP it registered from. */
    public record Account(String id, String email, String password, String ip) {}

    /** A logged-in session of an account. */
    public record Session(Account account, String accessToken, String refreshToken, String sid) {}

    /** A fresh client address in the benchmarking range 198.18.0.0/15 (never contacted). */
    public static String ip() {
        return ClientIps.next();
    }

    public static String email(String tag) {
        return Credentials.email(tag);
    }

    /** A strong random password. */
    public static String password() {
        return Credentials.password();
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
        String ip = ip();
        var account = contract(ip).newAccount(tag);
        return new Account(account.id(), account.email(), account.password(), ip);
    }

    public static Response loginResponse(String email, String password, String ip) {
        return contract(ip).login(email, password);
    }

    /** The contract's client of test-support, from the given client IP. */
    private static dev.patriotforge.testsupport.api.Api contract(String ip) {
        return dev.patriotforge.testsupport.api.Api.local().from(ip);
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

    /** POST /api/auth/password with the account's access token. */
    public static Response changePassword(String accessToken, String current, String next) {
        return bearer(accessToken)
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", current, "new_password", next))
                .post("/api/auth/password");
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
