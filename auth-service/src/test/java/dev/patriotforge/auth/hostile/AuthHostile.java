package dev.patriotforge.auth.hostile;

import dev.patriotforge.testsupport.hostile.HostileBodies;
import dev.patriotforge.testsupport.hostile.HostileBodies.Field;
import dev.patriotforge.testsupport.hostile.HostileValues;
import dev.patriotforge.testsupport.hostile.HostileValues.Vocabulary;
import dev.patriotforge.testsupport.random.Gen;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What auth-service adds to test-support's hostile-JSON generator: the fields a client must never
 * set, the words that mean something here (roles, the bootstrap admin, emails that fold to others),
 * the length limits of the contract (password 12 to 128, display name 100, email 254), codes of
 * almost six digits (fullwidth digits among them). An endpoint is described by its field names;
 * each field's valid value is a placeholder that the test fills at send time (a fresh email, the
 * account's password, a live refresh token).
 */
final class AuthHostile {
    /** Fields that a client must never set: mass assignment. */
    static final List<String> PROTECTED_FIELDS =
            List.of(
                    "role",
                    "id",
                    "email",
                    "created_at",
                    "updated_at",
                    "password_hash",
                    "deleted_at",
                    "version",
                    "mfa_enabled",
                    "totp_secret",
                    "recovery_codes");

    private static final List<String> WORDS =
            List.of(
                    "Ann\u0000Example",
                    "\uFF41\uFF44\uFF4D\uFF49\uFF4E@\uFF45\uFF58.\uFF43\uFF4F\uFF4D",
                    "\u0130STANBUL\u0131@forge.test",
                    "\u212Aelvin@forge.test",
                    "stra\u00DFe@forge.test",
                    "admin",
                    " ADMIN ",
                    "staff",
                    "customer",
                    "bootstrap-admin@forge.test",
                    "BOOTSTRAP-ADMIN@forge.test\u0000",
                    "a@b.co",
                    "000000",
                    "12345",
                    "1234567",
                    "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16",
                    "abcd-efgh-ijkl",
                    "\"@forge.test",
                    "\"; DROP TABLE auth.forge_users; --");

    private static final List<String> ODD_KEYS =
            List.of(
                    "displayName",
                    "Display_Name",
                    "EMAIL",
                    "__proto__",
                    "constructor",
                    "refreshToken",
                    "mfaToken",
                    "recoveryCode",
                    "groups",
                    "sub",
                    "");

    static final HostileValues VALUES =
            new HostileValues(new Vocabulary(WORDS, List.of(6, 12, 64, 100, 128, 254), keys()));

    static final HostileBodies BODIES = new HostileBodies(VALUES);

    private AuthHostile() {}

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(PROTECTED_FIELDS);
        keys.addAll(ODD_KEYS);
        return keys;
    }

    /** Hostile bodies for an endpoint whose object has these fields, all placeholders. */
    static Gen<Object> bodies(String... fields) {
        return BODIES.bodies(Arrays.stream(fields).map(Field::placeholder).toList());
    }
}
