package dev.patriotforge.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The meters both services record the same way, named {@code forge_<service>_...} (the service is
 * {@code quarkus.application.name} without {@code -service}): {@code
 * forge_auth_problems_total{code, status}} counts the problem documents sent, by code (so {@code
 * dependency_unavailable} has its own rate), and {@code forge_auth_db_pool_timeouts_total} the
 * requests that waited for a database connection longer than the pool's acquisition timeout.
 */
@ApplicationScoped
public class ServiceMeters {
    private final MeterRegistry registry;
    private final String prefix;

    public ServiceMeters(
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.registry = registry;
        this.prefix = prefix(application);
    }

    /** {@code forge.auth.} for {@code auth-service}: the start of every meter name of a service. */
    static String prefix(String application) {
        String service =
                application.endsWith("-service")
                        ? application.substring(0, application.length() - "-service".length())
                        : application;
        return "forge." + service.replace('-', '_') + ".";
    }

    /** Counts one problem document sent with this code and status. */
    public void problem(String code, int status) {
        Counter.builder(prefix + "problems")
                .description("Problem documents sent, by code and status")
                .tag("code", code)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    /** Counts one request that found no free database connection within the acquisition timeout. */
    public void poolTimeout() {
        Counter.builder(prefix + "db.pool.timeouts")
                .description("Requests that waited longer than the pool's acquisition timeout")
                .register(registry)
                .increment();
    }
}
