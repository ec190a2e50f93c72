package dev.patriotforge.quote.service.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attempt: a signed POST that never follows a redirect and reads at most 64 KiB of the answer,
 * all within the timeout. The target's addresses are checked right before the request; the JDK
 * resolver caches the answer (30 s), so the connection goes to the addresses just checked.
 */
public final class WebhookSender {
    /** The most of an answer's body that is read; the rest is discarded with the connection. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** An attempt's outcome: the status (null when no answer came) and whether it succeeded. */
    public record Outcome(Integer status, boolean delivered, String failure) {
        static Outcome answered(int status) {
            boolean ok = status >= 200 && status < 300;
            return new Outcome(status, ok, ok ? null : "status " + status);
        }

        static Outcome failed(String failure) {
            return new Outcome(null, false, failure);
        }
    }

    /** The signed message of one attempt (built once, never compared). */
    @SuppressWarnings("ArrayRecordComponent")
    public record Message(String id, long timestamp, String signature, byte[] body) {}

    private final HttpClient client;
    private final WebhookTargets targets;
    private final Duration timeout;

    public WebhookSender(WebhookTargets targets, Duration timeout, Executor executor) {
        this.targets = targets;
        this.timeout = timeout;
        this.client =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .connectTimeout(timeout)
                        .version(HttpClient.Version.HTTP_1_1)
                        .executor(executor)
                        .build();
    }

    /** Sends one attempt; never throws. */
    public Outcome send(String url, Message message) {
        URI uri;
        try {
            uri = URI.create(url);
            targets.check(uri);
        } catch (IllegalArgumentException e) {
            return Outcome.failed("bad url");
        } catch (WebhookTargets.Refused e) {
            return Outcome.failed("refused target: " + e.getMessage());
        }
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "PatriotForge-Webhooks/1")
                        .header("webhook-id", message.id())
                        .header("webhook-timestamp", Long.toString(message.timestamp()))
                        .header("webhook-signature", message.signature())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
                        .build();
        CompletableFuture<HttpResponse<Integer>> answer =
                client.sendAsync(request, info -> new CappedBody(MAX_BODY_BYTES));
        try {
            return Outcome.answered(
                    answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Outcome.failed("timeout");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        } catch (ExecutionException e) {
            return Outcome.failed("no answer: " + e.getCause().getClass().getSimpleName());
        }
    }

    /** Reads the body up to {@code cap} bytes, then cancels the rest. The body is the count. */
    static final class CappedBody implements HttpResponse.BodySubscriber<Integer> {
        private final CompletableFuture<Integer> result = new CompletableFuture<>();
        private final int cap;
        private Flow.Subscription subscription;
        private int read;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                read += item.remaining();
            }
            if (read >= cap) {
                subscription.cancel();
                result.complete(read);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(read);
        }

        @Override
        public CompletableFuture<Integer> getBody() {
            return result;
        }
    }
}
