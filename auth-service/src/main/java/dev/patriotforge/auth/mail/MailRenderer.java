package dev.patriotforge.auth.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Renders a mail's text and HTML bodies from its Qute templates and its outbox data. */
@ApplicationScoped
public class MailRenderer {
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {};

    private final Engine engine;
    private final ObjectMapper json;

    public MailRenderer(Engine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    /** The two bodies of a mail. */
    public record Bodies(String text, String html) {}

    public Bodies render(MailKind kind, String payload) {
        Map<String, String> data;
        try {
            data = payload == null ? Map.of() : json.readValue(payload, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable mail data", e);
        }
        return new Bodies(
                render(template(kind, "txt"), data), render(template(kind, "html"), data));
    }

    private static String render(Template template, Map<String, String> data) {
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private Template template(MailKind kind, String suffix) {
        Template template = engine.getTemplate("mail/" + kind.id() + "." + suffix);
        if (template == null) {
            throw new IllegalStateException("no template for mail " + kind.id() + "." + suffix);
        }
        return template;
    }
}
