package dev.patriotforge.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress loopbackGateway =
            new ClientAddress(TrustedProxies.of(List.of("127.0.0.0/8", "::1/128")));
    private final ClientAddress envoyInCluster =
            new ClientAddress(TrustedProxies.of(List.of("127.0.0.1", "10.244.0.0/16")));

    @Test
    void theRightmostEntryIsTakenNotTheOneTheClientWroteOnTheLeft() {
        assertThat(loopbackGateway.resolve("127.0.0.1", List.of("203.0.113.7, 198.51.100.9")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void trustedProxiesOnTheRightAreSkipped() {
        assertThat(
                        envoyInCluster.resolve(
                                "10.244.1.5", List.of("203.0.113.7, 198.51.100.9, 10.244.3.2")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void severalHeaderLinesReadAsOneListInOrder() {
        assertThat(
                        loopbackGateway.resolve(
                                "127.0.0.1", List.of("203.0.113.7", "198.51.100.9,127.0.0.1")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() {
        assertThat(loopbackGateway.resolve("192.0.2.44", List.of("198.51.100.9")))
                .isEqualTo("192.0.2.44");
    }

    @Test
    void withoutTheHeaderTheTrustedPeerIsTheClient() {
        assertThat(loopbackGateway.resolve("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void anEntryThatIsNoAddressStopsAtTheLastAddressATrustedProxyGave() {
        assertThat(loopbackGateway.resolve("127.0.0.1", List.of("198.51.100.9, evil.example")))
                .isEqualTo("127.0.0.1");
        assertThat(loopbackGateway.resolve("127.0.0.1", List.of("garbage, 198.51.100.9")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void portsAndBracketsAndIpv6AreUnderstood() {
        assertThat(loopbackGateway.resolve("127.0.0.1", List.of("198.51.100.9:4711")))
                .isEqualTo("198.51.100.9");
        assertThat(loopbackGateway.resolve("::1", List.of("[2001:db8::7]:443")))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(loopbackGateway.resolve("0:0:0:0:0:0:0:1", List.of("2001:db8::7")))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void anIpv4MappedPeerCountsAsItsIpv4Address() {
        assertThat(loopbackGateway.resolve("::ffff:127.0.0.1", List.of("198.51.100.9")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void aLongHeaderIsReadOnlyFromTheRight() {
        String many = "127.0.0.1, ".repeat(5_000) + "127.0.0.2";
        assertThat(loopbackGateway.resolve("127.0.0.1", List.of(many))).isEqualTo("127.0.0.1");
    }

    @Test
    void cidrBlocksMatchByPrefix() {
        TrustedProxies proxies = TrustedProxies.of(List.of("10.244.0.0/14", "fd00::/8"));
        assertThat(proxies.contains(TrustedProxies.literal("10.247.255.1").orElseThrow())).isTrue();
        assertThat(proxies.contains(TrustedProxies.literal("10.248.0.1").orElseThrow())).isFalse();
        assertThat(proxies.contains(TrustedProxies.literal("fd12::1").orElseThrow())).isTrue();
        assertThat(proxies.contains(TrustedProxies.literal("fe80::1").orElseThrow())).isFalse();
    }

    @Test
    void namesAreNeverLookedUpAndBadSettingsFailFast() {
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("256.1.1.1")).isEmpty();
        assertThat(TrustedProxies.literal("1.2.3")).isEmpty();
        assertThatThrownBy(() -> TrustedProxies.of(List.of("gateway.internal")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIpv6AddressMustBeACidrBlockBecauseQuarkusWouldLookItUp() {
        for (String bare : List.of("::1", "[::1]", "2001:db8::7", "0:0:0:0:0:0:0:1")) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of("127.0.0.0/8", bare)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CIDR block");
        }
        assertThat(TrustedProxies.of(List.of("10.0.0.5")).contains(address("10.0.0.5"))).isTrue();
        assertThat(TrustedProxies.of(List.of("::1/128")).contains(address("::1"))).isTrue();
    }

    private static InetAddress address(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }
}
