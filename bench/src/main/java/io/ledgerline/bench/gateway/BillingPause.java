package io.ledgerline.bench.gateway;

import java.io.IOException;
import java.util.List;

/**
 * Stops the billing process (SIGSTOP) for one phase and lets it go on afterwards (SIGCONT), so that
 * phase measures the gateway without the metering chain (billing, then the ledger) taking the same
 * two cores. Usage still goes to {@code usage.v1}; billing rates it after the phase and the bench
 * waits for that before the next phase, as after every phase.
 */
final class BillingPause implements AutoCloseable {

    private final long pid;

    private BillingPause(long pid) {
        this.pid = pid;
        signal("STOP");
    }

    static BillingPause of(long pid) {
        return new BillingPause(pid);
    }

    @Override
    public void close() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            var kill = new ProcessBuilder(List.of("kill", "-" + name, Long.toString(pid))).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal billing (pid " + pid + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling billing", e);
        }
    }
}
