package dev.patriotforge.common.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import dev.patriotforge.shared.error.DuplicateEmail;
import dev.patriotforge.shared.error.TooManyAttempts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

/** Endpoints that exist only in this module's tests, to drive each error path of the mapper. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Item(@NotBlank String description, @NotNull @Positive BigDecimal quantity) {}

    public record Order(
            @NotBlank @Size(max = 20) String displayName,
            @NotNull Integer count,
            @NotEmpty List<@Valid Item> items) {}

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Order create(@Valid @NotNull Order body) {
        return body;
    }

    @GET
    @Path("/page")
    public String page(@RestQuery @Min(1) @Max(100) Integer limit) {
        return "{\"limit\":" + limit + "}";
    }

    @GET
    @Path("/duplicate")
    @APIResponse(responseCode = "200", description = "never: the probe always fails")
    @APIResponse(responseCode = "409", description = "duplicate_email")
    @APIResponse(
            responseCode = "503",
            description = "declares its own content, which the filter leaves alone",
            content = @Content(mediaType = MediaType.TEXT_PLAIN))
    public String duplicate() {
        throw new DuplicateEmail();
    }

    @GET
    @Path("/locked")
    public String locked() {
        throw new TooManyAttempts(Duration.ofMinutes(15));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internals: jdbc:postgresql://db/forge");
    }

    @GET
    @Path("/bad-binding")
    public String badBinding() throws InvalidDefinitionException {
        throw InvalidDefinitionException.from(
                (JsonParser) null,
                "No fallback setter/field for creator property",
                (JavaType) null);
    }
}
