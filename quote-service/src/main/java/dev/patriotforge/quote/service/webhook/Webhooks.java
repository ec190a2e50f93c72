package dev.patriotforge.quote.service.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.config.WebhookConfig;
import dev.patriotforge.quote.domain.WebhookDelivery;
import dev.patriotforge.quote.domain.WebhookDeliveryRepository;
import dev.patriotforge.quote.domain.WebhookSubscription;
import dev.patriotforge.quote.domain.WebhookSubscriptionRepository;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.KeysetCursor;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.error.FieldError;
import dev.patriotforge.shared.error.Forbidden;
import dev.patriotforge.shared.error.NotFound;
import dev.patriotforge.shared.error.QuotaExceeded;
import dev.patriotforge.shared.error.ValidationFailed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Admins' webhook subscriptions, their delivery logs and manual retries (contract 3.2). */
@ApplicationScoped
public class Webhooks {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookCipher cipher;
    private final WebhookConfig config;
    private final WebhookTargets targets;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Webhooks(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            WebhookCipher cipher,
            WebhookConfig config,
            ObjectMapper json,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.targets = new WebhookTargets(config.allowPrivate(), InetAddress::getAllByName);
    }

    /**
     * Creates a subscription with a new secret. The URL is checked (and its host resolved) before
     * the transaction, so that a slow DNS answer holds no connection.
     */
    public WebhookCreatedView create(
            Caller caller, String url, List<String> events, String description) {
        requireAdmin(caller);
        List<FieldError> errors = new ArrayList<>();
        targets.problem(url).ifPresent(message -> errors.add(new FieldError("url", message)));
        for (int i = 0; i < events.size(); i++) {
            if (!WebhookEvent.TYPES.contains(events.get(i))) {
                errors.add(
                        new FieldError(
                                "events[" + i + "]",
                                "must be one of " + String.join(", ", WebhookEvent.TYPES)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        List<String> types = List.copyOf(new LinkedHashSet<>(events));
        String secret = WebhookSigner.newSecret(random);
        WebhookSubscription created =
                QuarkusTransaction.requiringNew()
                        .call(
                                () -> {
                                    if (subscriptions.lockAndCount() >= config.maxSubscriptions()) {
                                        throw new QuotaExceeded(
                                                "There are "
                                                        + config.maxSubscriptions()
                                                        + " webhook subscriptions, the most"
                                                        + " allowed. Delete one first.");
                                    }
                                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                                    WebhookSubscription s = new WebhookSubscription();
                                    s.id = UUID.randomUUID();
                                    s.url = url;
                                    s.events = write(types);
                                    s.description = description;
                                    s.secretSealed = cipher.seal(secret, s.id);
                                    s.createdAt = now;
                                    s.updatedAt = now;
                                    subscriptions.persist(s);
                                    return s;
                                });
        return new WebhookCreatedView(
                created.id, created.url, types, created.description, secret, created.createdAt);
    }

    public CursorPage<WebhookView> list(Caller caller, PageRequest page) {
        requireAdmin(caller);
        KeysetCursor after = page.after();
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                CursorPage.of(
                                        subscriptions.page(
                                                after == null ? null : after.createdAt(),
                                                after == null ? null : after.id(),
                                                page.limit() + 1),
                                        page.limit(),
                                        s -> new KeysetCursor(s.createdAt, s.id),
                                        this::view));
    }

    public WebhookView get(Caller caller, UUID id) {
        requireAdmin(caller);
        return QuarkusTransaction.requiringNew().call(() -> view(find(id)));
    }

    /** Deletes the subscription with its deliveries (and its secret); nothing more is sent. */
    public void delete(Caller caller, UUID id) {
        requireAdmin(caller);
        QuarkusTransaction.requiringNew().run(() -> subscriptions.delete(find(id)));
    }

    public CursorPage<WebhookDeliveryView> deliveries(Caller caller, UUID id, PageRequest page) {
        requireAdmin(caller);
        KeysetCursor after = page.after();
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            find(id);
                            List<WebhookDelivery> rows =
                                    deliveries.page(
                                            id,
                                            after == null ? null : after.createdAt(),
                                            after == null ? null : after.id(),
                                            page.limit() + 1);
                            return CursorPage.of(
                                    rows,
                                    page.limit(),
                                    d -> new KeysetCursor(d.createdAt, d.id),
                                    WebhookDeliveryView::from);
                        });
    }

    /**
     * Makes a delivery due now, whatever its status; if it fails again, it is retried as usual for
     * {@code FORGE_WEBHOOK_RETRY_FOR} from now.
     */
    public WebhookDeliveryView retry(Caller caller, UUID id, UUID deliveryId) {
        requireAdmin(caller);
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            WebhookDelivery delivery =
                                    deliveries
                                            .findOf(id, deliveryId)
                                            .orElseThrow(() -> new NotFound("delivery"));
                            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                            deliveries.retryNow(deliveryId, now, now.plus(config.retryFor()));
                            deliveries.getEntityManager().refresh(delivery);
                            return WebhookDeliveryView.from(delivery);
                        });
    }

    private WebhookSubscription find(UUID id) {
        return subscriptions
                .findByIdOptional(id)
                .orElseThrow(() -> new NotFound("webhook subscription"));
    }

    private WebhookView view(WebhookSubscription s) {
        return new WebhookView(s.id, s.url, read(s.events), s.description, s.createdAt);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new Forbidden();
        }
    }

    private String write(List<String> types) {
        try {
            return json.writeValueAsString(types);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String events) {
        try {
            return json.readValue(events, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored webhook events are not a JSON list", e);
        }
    }
}
