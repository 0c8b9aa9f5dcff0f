package io.ledgerline.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1/5/15-minute load averages, recorded around every phase (a shared machine). */
final class LoadAverage {

    private LoadAverage() {}

    static String now() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
