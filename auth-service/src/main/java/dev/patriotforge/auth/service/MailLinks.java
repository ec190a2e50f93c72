package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.MailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The links in mail: all start with {@code FORGE_PUBLIC_URL}. Tokens are base64url already. */
@ApplicationScoped
public class MailLinks {
    private final String base;

    public MailLinks(MailConfig config) {
        String url = config.publicUrl().strip();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String verifyEmail(String token) {
        return base + "/verify-email?token=" + token;
    }

    String resetPassword(String token) {
        return base + "/reset-password?token=" + token;
    }

    String forgotPassword() {
        return base + "/forgot-password";
    }

    /** A lifetime as people say it: "30 minutes", "24 hours". */
    static String human(Duration ttl) {
        long minutes = Math.max(1, ttl.toMinutes());
        if (minutes % 60 != 0 || minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = minutes / 60;
        return hours + (hours == 1 ? " hour" : " hours");
    }
}
