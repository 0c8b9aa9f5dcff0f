package io.ledgerline.bench.gateway;

import io.ledgerline.bench.ProcStat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds the bench's own processes used (user + system, from /proc/<pid>/stat), so each phase
 * can say where the machine's two cores went: gateway, stub, billing, ledger, Kafka.
 */
final class ProcessCpu {

    private final Map<String, Long> pids;
    private final double clockTicks;

    ProcessCpu(Map<String, Long> pids, double clockTicks) {
        this.pids = pids;
        this.clockTicks = clockTicks;
    }

    /** The pid recorded under {@code name}, or null. */
    Long pidOf(String name) {
        return pids.get(name);
    }

    Map<String, Double> seconds() {
        var seconds = new LinkedHashMap<String, Double>();
        pids.forEach((name, pid) -> seconds.put(name, cpuSeconds(pid)));
        return seconds;
    }

    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        var used = new LinkedHashMap<String, Double>();
        before.forEach(
                (name, start) ->
                        used.put(
                                name,
                                Math.round((after.getOrDefault(name, start) - start) * 100)
                                        / 100.0));
        return used;
    }

    /**
     * CPU seconds of one process by thread kind (its threads' names without numbers: "C2
     * CompilerThread", "reactor-http-epoll-"), to tell JIT compilation from request work.
     */
    Map<String, Double> threadSeconds(String name) {
        var seconds = new LinkedHashMap<String, Double>();
        Long pid = pids.get(name);
        if (pid == null) {
            return seconds;
        }
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(
                    task -> {
                        try {
                            var kind =
                                    Files.readString(task.resolve("comm"))
                                            .trim()
                                            .replaceAll("[0-9#]+", "");
                            seconds.merge(kind, statSeconds(task.resolve("stat")), Double::sum);
                        } catch (IOException | RuntimeException e) {
                            // the thread ended meanwhile
                        }
                    });
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    /** The largest users in {@code after - before}, biggest first, at most {@code limit}. */
    static Map<String, Double> top(
            Map<String, Double> before, Map<String, Double> after, int limit) {
        var top = new LinkedHashMap<String, Double>();
        after.keySet().stream()
                .sorted(
                        (a, b) ->
                                Double.compare(
                                        after.get(b) - before.getOrDefault(b, 0.0),
                                        after.get(a) - before.getOrDefault(a, 0.0)))
                .limit(limit)
                .forEach(
                        kind ->
                                top.put(
                                        kind,
                                        Math.round(
                                                        (after.get(kind)
                                                                        - before.getOrDefault(
                                                                                kind, 0.0))
                                                                * 100)
                                                / 100.0));
        return top;
    }

    private double cpuSeconds(long pid) {
        return statSeconds(Path.of("/proc/" + pid + "/stat"));
    }

    private double statSeconds(Path statFile) {
        long ticks = ProcStat.cpuTicks(statFile);
        return ticks < 0 ? 0 : ticks / clockTicks;
    }
}
