package dev.patriotforge.auth.ops;

import static io.restassured.RestAssured.given;

import dev.patriotforge.testsupport.http.Management;

/** One reading of the Prometheus text at /q/metrics, to compare counter values over time. */
record Counters(String text) {
    static final String LOGINS = "forge_auth_logins_total";
    static final String REFRESHES = "forge_auth_refreshes_total";
    static final String REVOCATIONS = "forge_auth_revocations_total";
    static final String LOCKOUTS = "forge_auth_lockouts_total";
    static final String MAILS_SENT = "forge_auth_mails_sent_total";
    static final String OUTBOX_OLDEST_AGE = "forge_auth_mail_outbox_oldest_age_seconds";

    static Counters read() {
        return new Counters(
                given().accept("text/plain")
                        .get(Management.url("/q/metrics"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    /**
     * The value of the series {@code name} whose labels contain {@code label} (empty: any series of
     * that name), or 0 while it does not exist yet.
     */
    double value(String name, String label) {
        double sum = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            boolean labelled = rest.startsWith("{");
            if (!labelled && !rest.startsWith(" ")) {
                continue;
            }
            if (labelled && !rest.substring(0, rest.indexOf('}')).contains(label)) {
                continue;
            }
            String sample = labelled ? rest.substring(rest.indexOf('}') + 1) : rest;
            sum += Double.parseDouble(sample.trim().split("\\s+", 2)[0]);
        }
        return sum;
    }

    /** How much the series grew since {@code earlier}. */
    long delta(Counters earlier, String name, String label) {
        return Math.round(value(name, label) - earlier.value(name, label));
    }
}
