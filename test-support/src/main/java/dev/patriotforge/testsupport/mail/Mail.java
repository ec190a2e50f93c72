package dev.patriotforge.testsupport.mail;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One message the local SMTP server kept, as {@code ./forge mail --json} prints it.
 *
 * @param to the envelope recipients
 * @param links every http(s) link in the text and HTML bodies, in order, without repeats
 */
public record Mail(String to, String subject, Instant receivedAt, String text, List<String> links) {
    public Mail {
        links = List.copyOf(links);
    }

    /** The first link whose path is {@code path} (e.g. {@code /reset-password}). */
    public String link(String path) {
        return links.stream()
                .filter(link -> path.equals(URI.create(link).getPath()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no link to " + path + " in mail " + describe()));
    }

    /** The {@code token} query parameter of the first link whose path is {@code path}. */
    public String token(String path) {
        String query = URI.create(link(path)).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("the link to " + path + " has no token in mail " + describe());
    }

    /** Recipient, subject and time: what a failure message may show (never the body's tokens). */
    public String describe() {
        return "to " + to + " \"" + subject + "\" at " + receivedAt;
    }
}
