package dev.patriotforge.auth.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ten single-use recovery codes, shown only in this answer. Hides them. */
@Schema(name = "RecoveryCodes")
public record RecoveryCodesResponse(
        @Schema(description = "Ten single-use codes for POST /api/auth/login/mfa")
                List<String> recoveryCodes) {
    @Override
    public String toString() {
        return "RecoveryCodesResponse[hidden]";
    }
}
