package dev.patriotforge.quote.support;

import dev.patriotforge.shared.security.Roles;
import dev.patriotforge.testsupport.http.RawHttp;
import dev.patriotforge.testsupport.jwt.Tokens;
import java.util.UUID;

/** A user of one test: a fresh id and session, and a valid access token. */
public record TestUser(UUID id, String role, UUID sessionId, String token)
        implements RawHttp.Bearer {

    public static TestUser customer() {
        return of(Roles.CUSTOMER);
    }

    public static TestUser staff() {
        return of(Roles.STAFF);
    }

    public static TestUser admin() {
        return of(Roles.ADMIN);
    }

    public static TestUser of(String role) {
        UUID id = UUID.randomUUID();
        UUID sid = UUID.randomUUID();
        return new TestUser(id, role, sid, Tokens.of(id, role, sid).rs256());
    }

    @Override
    public String bearer() {
        return "Bearer " + token;
    }
}
