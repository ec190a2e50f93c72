package dev.patriotforge.quote.service;

/**
 * The evidence of an acceptance: what the customer stated (each may be null) and what the request
 * showed (client address, user agent, already bounded by the REST layer).
 */
public record Acceptance(
        String signerName, String signerTitle, String purchaseOrder, String ip, String userAgent) {}
