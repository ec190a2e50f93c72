package dev.patriotforge.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patriotforge.shared.error.ValidationFailed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void absentValuesMeanTheFirstPageOfTheDefaultSize() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(PageRequest.first());
        assertThat(PageRequest.parse("", " 7 ")).isEqualTo(new PageRequest(7, null));
    }

    @Test
    void aCursorOfTheListIsKept() {
        KeysetCursor cursor =
                new KeysetCursor(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID());

        assertThat(PageRequest.parse(cursor.encode(), "100").after()).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "99999999999", ""})
    void aBadLimitIsA422NamingLimit(String limit) {
        assertThatThrownBy(() -> PageRequest.parse("not-a-cursor", limit))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        e ->
                                assertThat(e.fieldErrors())
                                        .extracting("field")
                                        .containsExactly("limit"));
    }

    @Test
    void aBadCursorIsA422NamingCursor() {
        assertThatThrownBy(() -> PageRequest.parse("AAAA", "5"))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        e ->
                                assertThat(e.fieldErrors())
                                        .extracting("field")
                                        .containsExactly("cursor"));
    }

    @Test
    void aPageOfOneRowMoreThanTheLimitHasANextCursorAtItsLastShownRow() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        List<UUID> rows = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        CursorPage<String> page =
                CursorPage.of(rows, 2, id -> new KeysetCursor(at, id), UUID::toString);

        assertThat(page.items()).containsExactly(rows.get(0).toString(), rows.get(1).toString());
        assertThat(KeysetCursor.decode(page.nextCursor()).id()).isEqualTo(rows.get(1));
        assertThat(
                        CursorPage.of(rows, 3, id -> new KeysetCursor(at, id), UUID::toString)
                                .nextCursor())
                .isNull();
    }

    @Test
    void onlyCanonicalUuidsAreUuids() {
        UUID id = UUID.randomUUID();

        assertThat(Uuids.parse(id.toString())).contains(id);
        assertThat(Uuids.parse(id.toString().toUpperCase(java.util.Locale.ROOT))).contains(id);
        assertThat(Uuids.parse("1-1-1-1-1")).isEmpty();
        assertThat(Uuids.parse(id + " ")).isEmpty();
        assertThat(Uuids.parse(null)).isEmpty();
    }
}
