package io.ledgerline.ledger.history;

import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.ConfigureAiCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.writer.LedgerWriter;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Drives the ledger's write side the way its REST API does (through {@link LedgerWriter}) with
 * fresh account ids per scenario, and waits for the read side to catch up.
 */
public final class LedgerScenario {

    private static final long COMMAND_TIMEOUT_S = 30;
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private final LedgerWriter writer;
    private final JdbcTemplate jdbc;
    public final String partnerId = newId("p");
    public final String customerId = newId("c");
    public final AccountId partner = AccountId.partner(partnerId);
    public final AccountId customer = AccountId.customer(customerId);

    public LedgerScenario(LedgerWriter writer, JdbcTemplate jdbc) {
        this.writer = writer;
        this.jdbc = jdbc;
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public CommandResult run(LedgerCommand command) {
        try {
            var result = writer.submit(command).get(COMMAND_TIMEOUT_S, TimeUnit.SECONDS);
            if (!result.isPosted()) {
                throw new AssertionError("refused: " + result);
            }
            return result;
        } catch (Exception e) {
            throw new AssertionError("command failed: " + command, e);
        }
    }

    public LedgerScenario openBoth() {
        run(new OpenAccount(newId("open"), partner, partnerId));
        run(new OpenAccount(newId("open"), customer, partnerId));
        run(
                new ConfigureAiCredits(
                        newId("ai"),
                        customer,
                        true,
                        Credits.ofCredits(2),
                        30,
                        Credits.ofCredits(100),
                        true));
        return this;
    }

    public CommandResult add(AccountId account, long credits, String note) {
        return run(new AddCredits(newId("add"), account, Credits.ofCredits(credits), note));
    }

    public CommandResult deduct(AccountId account, long credits, String reason) {
        return run(new DeductCredits(newId("deduct"), account, Credits.ofCredits(credits), reason));
    }

    public CommandResult use(AccountId account, long credits, String description) {
        return run(
                new MeterUsage(
                        newId("use"),
                        account,
                        Credits.ofCredits(credits),
                        newId("usage"),
                        description));
    }

    /** Holds credits, spends part of the hold and releases the rest. */
    public void reserveSettleRelease(AccountId account, long held, long spent) {
        var reservation = newId("r");
        run(
                new ReserveCredits(
                        newId("reserve"),
                        account,
                        reservation,
                        Credits.ofCredits(held),
                        3600,
                        "call admission",
                        false));
        run(
                new SettleReservation(
                        newId("settle"),
                        account,
                        reservation,
                        Credits.ofCredits(spent),
                        newId("usage")));
        run(new ReleaseReservation(newId("release"), account, reservation, "call ended"));
    }

    public CommandResult keyDeposit(AccountId partnerAccount) {
        return run(new ReserveKeyDeposit(newId("deposit"), partnerAccount, newId("key")));
    }

    /** A mixed scenario: every kind of money event on both ledgers. */
    public LedgerScenario mixed() {
        openBoth();
        add(partner, 5_000, "Quick Buy");
        keyDeposit(partner);
        use(partner, 12, "tokens");
        add(customer, 100, "Monthly package - 100 credits");
        deduct(customer, 15, "Refund for failed calls");
        use(customer, 3, "call 1m30s");
        reserveSettleRelease(customer, 10, 4);
        return this;
    }

    /** Waits until the read side has read up to the last event appended so far. */
    public static void awaitReadSideCaughtUp(JdbcTemplate jdbc) {
        long appended =
                jdbc.queryForObject(
                        "SELECT coalesce(max(global_index), 0) FROM ledger.domain_event_entry",
                        Long.class);
        await().atMost(CATCH_UP)
                .until(
                        () ->
                                jdbc.queryForObject(
                                                "SELECT coalesce(max(last_global_index), -1) FROM ledger_read.projection_position",
                                                Long.class)
                                        >= appended);
    }

    public void awaitReadSideCaughtUp() {
        awaitReadSideCaughtUp(jdbc);
    }
}
