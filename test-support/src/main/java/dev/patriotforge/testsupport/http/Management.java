package dev.patriotforge.testsupport.http;

import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the application a {@code @QuarkusTest} runs: health and metrics are
 * served there (on its own port, a free one in tests), not on the API port RestAssured targets.
 */
public final class Management {
    private Management() {}

    /** The absolute URL of {@code path} (e.g. {@code /q/metrics}) on the management port. */
    public static String url(String path) {
        String base = ConfigProvider.getConfig().getValue("test.management.url", String.class);
        return URI.create(base).resolve(path).toString();
    }
}
