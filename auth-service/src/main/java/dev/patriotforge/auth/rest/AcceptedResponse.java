package dev.patriotforge.auth.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a 202: the request was taken; what follows arrives by mail. */
@Schema(name = "Accepted")
public record AcceptedResponse(String message) {
    static final AcceptedResponse FORGOT =
            new AcceptedResponse(
                    "If an account exists for this address, a link to reset its password is on"
                            + " its way.");
    static final AcceptedResponse VERIFICATION =
            new AcceptedResponse("A new confirmation link is on its way.");
    static final AcceptedResponse EMAIL_CHANGE =
            new AcceptedResponse(
                    "A confirmation link is on its way to the new address; the change takes"
                            + " effect once it is followed.");
}
