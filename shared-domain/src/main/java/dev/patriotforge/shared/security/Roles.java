package dev.patriotforge.shared.security;

import java.util.Set;

/** The role names carried in the JWT {@code groups} claim. */
public final class Roles {
    /** Everyone who registers. */
    public static final String CUSTOMER = "customer";

    /** Prices quotes. */
    public static final String STAFF = "staff";

    /** Manages users and may do what staff may. */
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(CUSTOMER, STAFF, ADMIN);

    private Roles() {}

    public static boolean isRole(String name) {
        return name != null && ALL.contains(name);
    }

    /** Staff and admin see and act on other people's quotes. */
    public static boolean isStaffOrAdmin(String role) {
        return STAFF.equals(role) || ADMIN.equals(role);
    }
}
