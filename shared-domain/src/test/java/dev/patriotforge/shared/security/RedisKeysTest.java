package dev.patriotforge.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedisKeysTest {

    @Test
    void revocationMarksLiveInTheSharedNamespace() {
        UUID sid = UUID.fromString("6f1c2a4e-9d1b-4a8e-8f3e-2b7c9d0e1f2a");

        assertThat(RedisKeys.revokedSession(sid))
                .isEqualTo("forge:revoked:session:6f1c2a4e-9d1b-4a8e-8f3e-2b7c9d0e1f2a");
    }

    @Test
    void eachServiceKeepsItsOwnKeysUnderItsNamespace() {
        assertThat(RedisKeys.auth("lockout", "a@b.c")).isEqualTo("forge:auth:lockout:a@b.c");
        assertThat(RedisKeys.quote("idem", "u1", "k1")).isEqualTo("forge:quote:idem:u1:k1");
    }

    @Test
    void rolesAreTheThreeContractRoles() {
        assertThat(Roles.ALL).containsExactlyInAnyOrder("customer", "staff", "admin");
        assertThat(Roles.isStaffOrAdmin("staff")).isTrue();
        assertThat(Roles.isStaffOrAdmin("customer")).isFalse();
        assertThat(Roles.isRole(null)).isFalse();
    }
}
