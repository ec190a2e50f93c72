package dev.patriotforge.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** SmallRye JWT's parser gets its factory by CDI: the remembering one must win over the default. */
@QuarkusTest
class VerifiedTokensInUseTest {

    @Inject JWTCallerPrincipalFactory factory;

    @Test
    void theTokenFactoryOfTheApplicationIsVerifiedTokens() {
        assertThat(ClientProxy.unwrap(factory)).isInstanceOf(VerifiedTokens.class);
    }
}
