package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.TotpEnrolment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new TOTP secret, shown only in this answer. Hides both fields. */
@Schema(name = "TotpEnrolment")
public record TotpEnrolmentResponse(
        @Schema(description = "Base32 (RFC 4648, unpadded) of the 160-bit secret") String secret,
        @Schema(
                        description =
                                "otpauth://totp/PatriotForge:<email>?secret=...&issuer=PatriotForge"
                                        + "&algorithm=SHA1&digits=6&period=30")
                String otpauthUri) {
    static TotpEnrolmentResponse from(TotpEnrolment.Enrolment enrolment) {
        return new TotpEnrolmentResponse(enrolment.secret(), enrolment.otpauthUri());
    }

    @Override
    public String toString() {
        return "TotpEnrolmentResponse[hidden]";
    }
}
