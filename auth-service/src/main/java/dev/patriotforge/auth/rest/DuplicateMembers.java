package dev.patriotforge.auth.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Refuses a JSON object that names a member twice ({@code {"role":"staff","role":"admin"}}) as a
 * malformed body (400). Without it, Jackson fails on a record body whose member repeats after every
 * constructor parameter was read ("No fallback setter/field defined for creator property") and the
 * client gets a 500. Belongs in service-common's JsonRules, for both services; until it is there,
 * auth-service applies it itself (as quote-service does).
 */
@Singleton
public class DuplicateMembers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
