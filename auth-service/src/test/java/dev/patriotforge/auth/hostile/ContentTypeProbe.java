package dev.patriotforge.auth.hostile;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.testsupport.http.RawHttp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends each endpoint a small body under every odd content type, then a JSON body over 1 MiB, and
 * records every answer in {@link Answers}: each must be a problem document, never a 500.
 */
final class ContentTypeProbe {
    static final int MIB = 1024 * 1024;

    private ContentTypeProbe() {}

    /**
     * @param endpoints method, path and the caller's access token (null for none)
     */
    static void check(Answers answers, String[][] endpoints, List<String> types, byte[] small) {
        byte[] huge = new byte[MIB + 16];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        for (String[] endpoint : endpoints) {
            for (String type : types) {
                answers.check(
                        endpoint[0] + " " + endpoint[1] + " as " + type,
                        RawHttp.send(endpoint[0], endpoint[1], headers(endpoint[2], type), small));
            }
            answers.check(
                    endpoint[0] + " " + endpoint[1] + " over 1 MiB",
                    RawHttp.send(
                            endpoint[0],
                            endpoint[1],
                            headers(endpoint[2], "application/json"),
                            huge));
        }
        answers.assertAllFine();
    }

    private static Map<String, String> headers(String accessToken, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-For", Api.ip());
        headers.put("Content-Type", contentType);
        if (accessToken != null) {
            headers.put("Authorization", "Bearer " + accessToken);
        }
        return headers;
    }
}
