package dev.patriotforge.bench;

/** A seeded account and the tokens of its first login. */
record Account(String id, String email, String access, String refresh) {}
