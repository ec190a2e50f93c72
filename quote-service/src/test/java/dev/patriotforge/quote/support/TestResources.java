package dev.patriotforge.quote.support;

import dev.patriotforge.testsupport.jwt.JwksServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The test resources of quote-service, declared once: with the global scope Quarkus starts them for
 * every {@code @QuarkusTest} of the module (one start, no restart between classes). The JWKS server
 * plays auth-service's key endpoint, so that {@code Tokens} can mint tokens the service accepts.
 */
@WithTestResource(value = JwksServer.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {
    private TestResources() {}
}
