package dev.patriotforge.auth.hostile;

import static dev.patriotforge.testsupport.random.Gens.weighted;

import dev.patriotforge.testsupport.hostile.HostileBody.Member;
import dev.patriotforge.testsupport.hostile.HostileBody.Obj;
import dev.patriotforge.testsupport.hostile.HostileBody.Raw;
import dev.patriotforge.testsupport.hostile.HostileBody.Valid;
import dev.patriotforge.testsupport.hostile.Nesting;
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators of bodies that the contract says must be rejected: every one breaks exactly one rule
 * (a protected or unknown field, a value out of range, a wrong type, not an object) while the other
 * fields are acceptable ({@link Valid}), so a service that applied part of a body before rejecting
 * it would show in the database.
 */
final class RejectedBodies {
    private RejectedBodies() {}

    /** Plausible values for the fields a client must never set. */
    static Object plausible(String field) {
        return switch (field) {
            case "role" -> "admin";
            case "id" -> "00000000-0000-4000-8000-000000000001";
            case "email" -> "mallory@forge.test";
            case "created_at", "updated_at", "deleted_at" -> "2000-01-01T00:00:00Z";
            case "password_hash" -> "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
            case "version" -> new Raw("0");
            case "mfa_enabled" -> new Raw("true");
            case "display_name" -> "Mallory";
            default -> "x";
        };
    }

    static final List<String> BAD_EMAILS =
            List.of(
                    "",
                    "   ",
                    "not-an-email",
                    "a@",
                    "@forge.test",
                    "a@@forge.test",
                    "a b@forge.test",
                    "a@forge..test",
                    "\u00e9l\u00e8ve@forge.test",
                    "a\u0000@forge.test",
                    "x".repeat(250) + "@forge.test",
                    "a".repeat(65) + "@forge.test");

    static final List<String> WEAK_PASSWORDS =
            List.of(
                    "",
                    "short",
                    "Ab3$efgh1jk",
                    "password1234",
                    "P@ssw0rd12345",
                    "aaaaaaaaaaaaaa",
                    "qwertyuiop123",
                    "\uD83D\uDE00".repeat(20),
                    "Xy7!" + "q".repeat(125));

    static final List<String> BAD_NAMES =
            List.of(
                    "",
                    "   ",
                    "\t\n",
                    "x".repeat(101),
                    "a\u0000b",
                    "bell\u0007",
                    "a\u0085b",
                    "a\uD800b",
                    "\uDC00");

    static final List<String> BAD_ROLES =
            List.of(
                    "",
                    "root",
                    "superuser",
                    "ADMIN",
                    " admin",
                    "admin ",
                    "admin\u0000",
                    "Admin",
                    "adm\u0131n",
                    "customer,admin",
                    "[\"admin\"]");

    /** Literals of the wrong JSON type for a string field (null only where it is required). */
    static final List<String> WRONG_TYPES =
            List.of(
                    "null",
                    "5",
                    "1e400",
                    "true",
                    "[]",
                    "[\"admin\"]",
                    "{}",
                    "{\"role\":\"admin\"}");

    static Gen<Object> registrations() {
        List<String> fields = List.of("email", "password", "display_name");
        return Gens.frequency(
                weighted(3, withProtectedField(fields)),
                weighted(2, withBadValue(fields, "email", BAD_EMAILS)),
                weighted(2, withBadValue(fields, "password", WEAK_PASSWORDS)),
                weighted(2, withBadValue(fields, "display_name", BAD_NAMES)),
                weighted(2, withWrongType(fields)),
                weighted(1, withoutField(fields)),
                weighted(1, notAnObject()));
    }

    static Gen<Object> displayNameChanges() {
        List<String> fields = List.of("display_name");
        return Gens.frequency(
                weighted(3, withProtectedField(fields)),
                weighted(3, withBadValue(fields, "display_name", BAD_NAMES)),
                weighted(2, withWrongType(fields)),
                weighted(1, withoutField(fields)),
                weighted(1, notAnObject()));
    }

    /** {@code current_password} stands for the right one; {@code wrong} is never right. */
    static Gen<Object> passwordChanges() {
        List<String> fields = List.of("current_password", "new_password");
        return Gens.frequency(
                weighted(2, withProtectedField(fields)),
                weighted(3, withBadValue(fields, "new_password", WEAK_PASSWORDS)),
                weighted(
                        2,
                        withBadValue(
                                fields,
                                "current_password",
                                List.of("wrong-Password-7Qz!", "", "\u0000", "x".repeat(5000)))),
                weighted(2, withWrongType(fields)),
                weighted(1, withoutField(fields)),
                weighted(1, notAnObject()));
    }

    static Gen<Object> roleChanges() {
        List<String> fields = List.of("role");
        return Gens.frequency(
                weighted(3, withProtectedField(fields)),
                weighted(3, withBadValue(fields, "role", BAD_ROLES)),
                weighted(2, withWrongType(fields)),
                weighted(1, withoutField(fields)),
                weighted(1, notAnObject()));
    }

    /** Every field acceptable, plus one the client must not set (here: any but the body's own). */
    static Gen<Object> withProtectedField(List<String> fields) {
        List<String> candidates = new ArrayList<>(AuthHostile.PROTECTED_FIELDS);
        candidates.add("display_name");
        candidates.removeAll(fields);
        Gen<String> protectedFields = Gens.of(candidates);
        return random -> {
            String field = protectedFields.next(random);
            List<Member> members = new ArrayList<>();
            fields.forEach(f -> members.add(new Member(f, new Valid(f))));
            members.add(
                    random.nextBoolean() ? 0 : members.size(), new Member(field, plausible(field)));
            return new Obj(members);
        };
    }

    static Gen<Object> withBadValue(List<String> fields, String field, List<String> bad) {
        return Gens.of(bad)
                .map(
                        value -> {
                            List<Member> members = new ArrayList<>();
                            for (String f : fields) {
                                members.add(new Member(f, f.equals(field) ? value : new Valid(f)));
                            }
                            return new Obj(members);
                        });
    }

    static Gen<Object> withWrongType(List<String> fields) {
        Gen<String> wrongFields = Gens.of(fields);
        Gen<String> literals = Gens.of(WRONG_TYPES);
        return random -> {
            String field = wrongFields.next(random);
            String literal = literals.next(random);
            List<Member> members = new ArrayList<>();
            for (String f : fields) {
                members.add(new Member(f, f.equals(field) ? new Raw(literal) : new Valid(f)));
            }
            return new Obj(members);
        };
    }

    static Gen<Object> withoutField(List<String> fields) {
        return Gens.of(fields)
                .map(
                        missing -> {
                            List<Member> members = new ArrayList<>();
                            for (String f : fields) {
                                if (!f.equals(missing)) {
                                    members.add(new Member(f, new Valid(f)));
                                }
                            }
                            return new Obj(members);
                        });
    }

    /** JSON that is not an object, or not JSON. */
    static Gen<Object> notAnObject() {
        return Gens.oneOf(
                AuthHostile.VALUES.values().filter(v -> !(v instanceof Obj)),
                Nesting.deep(),
                AuthHostile.BODIES.notJson("email"));
    }
}
