package dev.patriotforge.auth.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.auth.domain.MailOutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a mail to the outbox, in the transaction of the change that causes it: the mail exists
 * exactly when the change committed. {@link MailDispatcher} sends it.
 */
@ApplicationScoped
public class Outbox {
    private final MailOutboxRepository rows;
    private final ObjectMapper json;

    public Outbox(MailOutboxRepository rows, ObjectMapper json) {
        this.rows = rows;
        this.json = json;
    }

    /** {@code data}: what the kind's templates read (e.g. {@code link}, {@code display_name}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String recipient, MailKind kind, Map<String, String> data, Instant now) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the mail's data", e);
        }
        rows.insert(recipient, kind.id(), kind.subject(), payload, now);
    }
}
