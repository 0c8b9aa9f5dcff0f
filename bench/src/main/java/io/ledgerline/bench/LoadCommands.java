package io.ledgerline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commands of a run: partner accounts {@code partner:bench-<n>}, their top-ups, and a mix of
 * credit movements on random accounts. Command ids carry a run id so that a second run against the
 * same ledger never replays the first one's answers.
 */
final class LoadCommands {

    /** One million credits each, far more than a run can spend. */
    static final long TOP_UP_UCR = 1_000_000L * 1_000_000L;

    static final long MIN_MOVEMENT_UCR = 1_000;
    static final long MAX_MOVEMENT_UCR = 100_000;

    /** Out of 100: usage charges, then deductions; the rest are additions. */
    private static final int USAGE_SHARE = 70;

    private static final int DEDUCTION_SHARE = 15;

    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();
    private final int accounts;

    LoadCommands(int accounts) {
        this.accounts = accounts;
    }

    int accounts() {
        return accounts;
    }

    static String accountId(int index) {
        return "partner:bench-" + index;
    }

    ObjectNode openAccount(int index) {
        var command = command("OpenAccount", index);
        command.put("partnerId", "bench-" + index);
        return command;
    }

    ObjectNode topUp(int index) {
        var command = command("AddCredits", index);
        command.put("amountUcr", TOP_UP_UCR);
        command.put("note", "bench top-up");
        return command;
    }

    /** A usage charge, a deduction or an addition of a small amount on a random account. */
    ObjectNode randomMovement(Random random) {
        int kind = random.nextInt(100);
        if (kind < USAGE_SHARE) {
            return usage(random);
        }
        if (kind < USAGE_SHARE + DEDUCTION_SHARE) {
            return deduction(random);
        }
        var command = command("AddCredits", random.nextInt(accounts));
        command.put("note", "bench addition");
        command.put("amountUcr", smallAmount(random));
        return command;
    }

    /** A usage charge with a new usage id: the ledger checks and records the id. */
    ObjectNode usage(Random random) {
        var command = command("MeterUsage", random.nextInt(accounts));
        command.put("usageId", "u-" + command.get("commandId").asText());
        command.put("description", "bench usage");
        command.put("amountUcr", smallAmount(random));
        return command;
    }

    /**
     * The same movement as {@link #usage} (platform credits out of a partner) without a usage id.
     */
    ObjectNode deduction(Random random) {
        var command = command("DeductCredits", random.nextInt(accounts));
        command.put("reason", "bench deduction");
        command.put("amountUcr", smallAmount(random));
        return command;
    }

    private static long smallAmount(Random random) {
        return MIN_MOVEMENT_UCR + random.nextInt((int) (MAX_MOVEMENT_UCR - MIN_MOVEMENT_UCR));
    }

    /** The body of a single {@code POST /accounts/{id}/usage}. */
    ObjectNode usageBody(long amountUcr) {
        var body = LedgerClient.JSON.createObjectNode();
        String commandId = nextCommandId();
        body.put("commandId", commandId);
        body.put("amountUcr", amountUcr);
        body.put("usageId", "u-" + commandId);
        body.put("description", "bench single usage");
        return body;
    }

    private ObjectNode command(String type, int index) {
        var command = LedgerClient.JSON.createObjectNode();
        command.put("type", type);
        command.put("commandId", nextCommandId());
        command.put("accountId", accountId(index));
        return command;
    }

    private String nextCommandId() {
        return "bench-" + runId + "-" + sequence.incrementAndGet();
    }
}
