package dev.patriotforge.quote.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of POST /api/quotes/{id}/accept: who signs, and the buyer's order number. */
@Schema(name = "QuoteAcceptance")
public record AcceptRequest(
        @Size(min = 1, max = 200)
                @Pattern(regexp = TextRules.NOT_BLANK, message = "must not be blank")
                @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String signerName,
        @Size(max = 200) @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String signerTitle,
        @Size(max = 100) @Pattern(regexp = TextRules.STORABLE, message = TextRules.STORABLE_MESSAGE)
                String purchaseOrder) {

    static final AcceptRequest NONE = new AcceptRequest(null, null, null);
}
