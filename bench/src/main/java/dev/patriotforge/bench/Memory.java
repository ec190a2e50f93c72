package dev.patriotforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory of the services that ./forge up started (recorded in .forge/run/pids). */
final class Memory {
    private static final Pattern PID_LINE = Pattern.compile("(\\S+)\\s+(\\d+)");

    private Memory() {}

    /** Peak RSS (KiB) of SERVICE's running process, or -1 when it is not running. */
    static long peakRssKb(Path root, String service) throws IOException {
        String pid = null;
        // The last pid recorded for the service is the live one.
        for (String line : Files.readAllLines(root.resolve(".forge/run/pids"))) {
            Matcher m = PID_LINE.matcher(line.trim());
            if (m.matches() && m.group(1).equals(service)) {
                pid = m.group(2);
            }
        }
        if (pid == null) {
            return -1;
        }
        Path status = Path.of("/proc", pid, "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String s : Files.readAllLines(status)) {
            if (s.startsWith("VmHWM:")) {
                return Long.parseLong(s.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
