package dev.patriotforge.auth.service;

import java.util.UUID;

/** The authenticated user of a request and the session their access token belongs to. */
public record Caller(UUID userId, UUID sessionId) {}
