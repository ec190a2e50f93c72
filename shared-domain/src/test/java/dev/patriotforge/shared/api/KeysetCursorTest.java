package dev.patriotforge.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patriotforge.shared.error.ValidationFailed;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysetCursorTest {

    @Test
    void cursorRoundTripsToMicrosecondPrecision() {
        Instant at = Instant.parse("2026-11-25T14:01:26.123456Z");
        UUID id = UUID.randomUUID();

        KeysetCursor decoded = KeysetCursor.decode(new KeysetCursor(at, id).encode());

        assertThat(decoded).isEqualTo(new KeysetCursor(at, id));
    }

    @Test
    void cursorIsOpaqueUrlSafeText() {
        String encoded =
                new KeysetCursor(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID()).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm90LWEtY3Vyc29y", "MTIzOm5vdC1hLXV1aWQ", "OnNvbWV0aGluZw"})
    void foreignCursorIsRejectedAsValidationFailure(String cursor) {
        assertThatThrownBy(() -> KeysetCursor.decode(cursor))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(
                        e ->
                                assertThat(((ValidationFailed) e).fieldErrors())
                                        .extracting("field")
                                        .containsExactly("cursor"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"})
    void cursorOutsideTheEraOfStoredRowsIsRejected(String at) {
        String cursor = new KeysetCursor(Instant.parse(at), UUID.randomUUID()).encode();

        assertThatThrownBy(() -> KeysetCursor.decode(cursor)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void limitDefaultsToTwentyAndAcceptsOneToHundred() {
        assertThat(KeysetCursor.limit(null)).isEqualTo(20);
        assertThat(KeysetCursor.limit(1)).isEqualTo(1);
        assertThat(KeysetCursor.limit(100)).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
    void limitOutsideOneToHundredIsRejected(int limit) {
        assertThatThrownBy(() -> KeysetCursor.limit(limit)).isInstanceOf(ValidationFailed.class);
    }
}
