package dev.patriotforge.bench;

import java.util.List;

/**
 * What the seeding made: customers, spare refresh tokens for the refresh scenario, a staff token,
 * and 200 quotes with the token of each quote's owner.
 */
record Seed(
        String password,
        List<Account> customers,
        List<String> refreshTokens,
        String staffToken,
        List<String> quoteIds,
        List<String> quoteTokens,
        String runId) {}
