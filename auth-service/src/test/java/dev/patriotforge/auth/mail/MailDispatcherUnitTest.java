package dev.patriotforge.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What a failed send leaves in last_error and the logs: never anything token-shaped. */
class MailDispatcherUnitTest {

    @Test
    void errorTextsLoseEverythingTokenShapedAndAreBounded() {
        String token = "q3Zt0b9v1Yh8rW2xKc4LmN6pQs7TuVwXyZaBcDeFgHi";
        RuntimeException e =
                new IllegalStateException(
                        "send failed",
                        new IOException("554 rejected: https://x.test/reset?token=" + token));
        String text = MailDispatcher.describe(e);
        assertThat(text).startsWith("IOException: 554 rejected").doesNotContain(token);
        assertThat(MailDispatcher.describe(new RuntimeException("x".repeat(2000))).length())
                .isLessThanOrEqualTo(500);
    }
}
