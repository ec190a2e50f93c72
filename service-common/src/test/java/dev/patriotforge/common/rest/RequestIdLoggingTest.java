package dev.patriotforge.common.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Log records written while serving a request carry its id in the MDC as request_id. */
@QuarkusTest
class RequestIdLoggingTest {
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    if (record instanceof ExtLogRecord ext) {
                        ext.copyMdc();
                        records.add(ext);
                    }
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @BeforeEach
    void attach() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void detach() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void logRecordsOfARequestCarryItsRequestId() {
        given().header("X-Request-Id", "log-check-7").get("/probe/boom").then().statusCode(500);

        assertThat(records)
                .filteredOn(r -> r.getLoggerName().equals(ProblemMapper.class.getName()))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getMdc(RequestIds.MDC_KEY)).isEqualTo("log-check-7"));
    }
}
