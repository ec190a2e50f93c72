package dev.patriotforge.quote.service.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.testsupport.webhook.WebhookReceiver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF rules: when a subscription is created and on the resolved addresses right before each
 * attempt. A fake resolver plays DNS (not ours); the refused attempt goes to a real receiver.
 */
class WebhookTargetsTest {
    private static final Map<String, String> DNS =
            Map.of(
                    "public.example", "93.184.215.14",
                    "loopback.example", "127.0.0.1",
                    "private.example", "10.1.2.3",
                    "metadata.example", "169.254.169.254",
                    "v6-metadata.example", "fd00:ec2::254",
                    "v6-loopback.example", "::1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            // Literal addresses resolve to themselves, without DNS.
            if (host.matches("[0-9.]+") || host.startsWith("[")) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private final WebhookTargets strict = new WebhookTargets(false, WebhookTargetsTest::resolve);
    private final WebhookTargets local = new WebhookTargets(true, WebhookTargetsTest::resolve);

    @Test
    void aPublicHttpsUrlIsAccepted() {
        assertThat(strict.problem("https://public.example/hooks?x=1")).isEmpty();
        assertThat(strict.problem("https://93.184.215.14:8443/hooks")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://public.example/hooks",
                "file:///etc/passwd",
                "ftp://public.example/x",
                "gopher://public.example/",
                "//public.example/no-scheme",
                "https://user:pass@public.example/",
                "https:///no-host",
                "https://public.example/#fragment",
                "https://unknown.example/",
                "https://loopback.example/",
                "https://private.example/",
                "https://metadata.example/latest/meta-data/",
                "https://v6-metadata.example/",
                "https://v6-loopback.example/",
                "https://127.0.0.1/",
                "https://169.254.169.254/",
                "https://10.0.0.1/",
                "https://172.16.5.4/",
                "https://192.168.1.1/",
                "https://100.100.100.200/",
                "https://0.0.0.0/",
                "https://224.0.0.1/",
                "https://[::1]/",
                "https://[::]/",
                "https://[fe80::1]/",
                "https://[fd00:ec2::254]/",
                "https://[::ffff:127.0.0.1]/",
                "https://[2002:7f00:1::]/",
                "not a url"
            })
    void aTargetOutsideTheRulesIsRefusedAtCreation(String url) {
        assertThat(strict.problem(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"})
    void otherSchemesAreRefusedEvenWhenPrivateTargetsAreAllowed(String url) {
        assertThat(local.problem(url)).as(url).isPresent();
    }

    @Test
    void allowPrivateLiftsTheHttpsAndAddressRules() {
        assertThat(local.problem("http://127.0.0.1:8080/hooks")).isEmpty();
        assertThat(local.problem("https://private.example/hooks")).isEmpty();
    }

    @Test
    void aHostWhoseDnsAnswerTurnsPrivateIsRefusedAtDeliveryWithoutARequest() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // At creation the name resolves to a public address; by the attempt it points at the
            // receiver on loopback (DNS rebinding).
            AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");
            WebhookTargets targets =
                    new WebhookTargets(
                            false, host -> new InetAddress[] {InetAddress.getByName(answer.get())});
            String url = receiver.url("/hook").replace("127.0.0.1", "rebind.example");
            assertThat(targets.problem(url.replace("http:", "https:"))).isEmpty();
            answer.set("127.0.0.1");
            WebhookSender sender =
                    new WebhookSender(
                            targets,
                            Duration.ofSeconds(2),
                            Executors.newVirtualThreadPerTaskExecutor());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            WebhookSender.Outcome outcome =
                    sender.send(url, new WebhookSender.Message("e1", 1, "v1,x", body));
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.status()).isNull();
            assertThat(outcome.failure()).startsWith("refused target");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void aRedirectIsNotFollowedAndOnlyA2xxIsADelivery() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.respond((request, n) -> WebhookReceiver.Answer.status(302));
            WebhookSender sender =
                    new WebhookSender(
                            local,
                            Duration.ofSeconds(2),
                            Executors.newVirtualThreadPerTaskExecutor());
            WebhookSender.Outcome outcome =
                    sender.send(
                            receiver.url("/hook"),
                            new WebhookSender.Message(
                                    "e1", 1, "v1,x", "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.status()).isEqualTo(302);
            assertThat(receiver.received()).hasSize(1);
        }
    }
}
