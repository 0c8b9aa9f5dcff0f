package io.ledgerline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Who used the CPUs during the measured load: the whole machine (from /proc/stat), the ledger
 * process and this load client (from /proc/[pid]/stat), so a figure can be read against what
 * limited it. Linux only; elsewhere every value is reported as unknown (-1).
 */
final class CpuUsage {

    /** USER_HZ: the unit of the tick counters in /proc, 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    record Snapshot(
            long machineBusyTicks,
            long machineTotalTicks,
            long ledgerTicks,
            long clientTicks,
            long nanos) {}

    /** Busy share of all cores (0-100) and cores used by the ledger and the client. */
    record Usage(double machineBusyPercent, double ledgerCores, double clientCores) {

        String describe() {
            if (machineBusyPercent < 0) {
                return "unknown";
            }
            return String.format(
                    Locale.ROOT,
                    "%.0f %% / %.2f / %.2f",
                    machineBusyPercent,
                    ledgerCores,
                    clientCores);
        }
    }

    private CpuUsage() {}

    static Snapshot take(long ledgerPid) {
        long[] machine = machineTicks();
        return new Snapshot(
                machine[0],
                machine[1],
                processTicks(String.valueOf(ledgerPid)),
                processTicks("self"),
                System.nanoTime());
    }

    static Usage between(Snapshot from, Snapshot to) {
        long total = to.machineTotalTicks() - from.machineTotalTicks();
        if (from.machineTotalTicks() < 0 || total <= 0) {
            return new Usage(-1, -1, -1);
        }
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        double busy = 100.0 * (to.machineBusyTicks() - from.machineBusyTicks()) / total;
        return new Usage(
                busy,
                cores(from.ledgerTicks(), to.ledgerTicks(), seconds),
                cores(from.clientTicks(), to.clientTicks(), seconds));
    }

    private static double cores(long fromTicks, long toTicks, double seconds) {
        if (fromTicks < 0 || toTicks < 0) {
            return -1;
        }
        return (toTicks - fromTicks) / TICKS_PER_SECOND / seconds;
    }

    /** {busy, total} ticks over all cores; busy is everything but idle and iowait. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    private static long processTicks(String pid) {
        return ProcStat.cpuTicks(Path.of("/proc", pid, "stat"));
    }
}
