package io.ledgerline.ledger.writer;

import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.ConfigureAiCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.LedgerApplication;
import io.ledgerline.ledger.audit.AuditMain;
import io.ledgerline.ledger.history.LedgerScenario;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.RealInfrastructure;
import io.ledgerline.testsupport.TestPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Two writers over one event store, each handed bursts of commands on the same accounts at the same
 * time, so their group commits interleave and collide on the accounts' sequence numbers. Every
 * command is answered once and appended at most once (also when sent to both writers), the balances
 * are exactly what the posted answers add up to, nothing is overdrawn, and the audit replay (hash
 * chains, sequences, zero-sum after every event, the read side) passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class TwoWritersOneStoreTest {

    static final int PARTNERS = 3;
    static final int ROUNDS = 12;
    static final int COMMANDS_PER_BURST = 60;
    static final long START_UCR = 3_000_000L;
    static final long COMMAND_TIMEOUT_S = 60;

    /** 2 credits a minute with 30 s of grace. */
    static final long GRACE_UCR = 1_000_000L;

    static ConfigurableApplicationContext second;

    @Autowired LedgerWriter first;

    @Autowired JdbcTemplate jdbc;

    final Random random = new Random(20261204L);

    @BeforeAll
    static void startSecondInstance() {
        second =
                new SpringApplicationBuilder(LedgerApplication.class)
                        .initializers(new RealInfrastructure())
                        .run("--server.port=0", "--spring.application.name=ledger-service-2");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void interleaved_batches_on_the_same_accounts_lose_nothing_double_nothing_and_audit_clean()
            throws Exception {
        var writers = List.of(first, second.getBean(LedgerWriter.class));
        var partners = new ArrayList<AccountId>();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(openFundedPartner());
        }
        var customerWithoutAi = openCustomer(partners.get(0), false);
        var customerWithAi = openCustomer(partners.get(1), true);
        var payers = new ArrayList<>(partners);
        payers.add(customerWithAi);
        // A customer without AI credits has its usage charged to its partner.
        var paidFor = Map.of(customerWithoutAi, partners.get(0));

        var answers = new HashMap<String, CommandResult>();
        var commands = new HashMap<String, LedgerCommand>();
        var resentAnswers = new ArrayList<CommandResult[]>();
        for (int round = 0; round < ROUNDS; round++) {
            var bursts = new ArrayList<List<LedgerCommand>>();
            for (int w = 0; w < writers.size(); w++) {
                var burst = new ArrayList<LedgerCommand>();
                for (int i = 0; i < COMMANDS_PER_BURST; i++) {
                    burst.add(randomCommand(payers, customerWithoutAi));
                }
                bursts.add(burst);
            }
            // Each writer gets its own burst and a tenth of the other's, at the same moment.
            var pending = new ArrayList<Sent>();
            for (int i = 0; i < COMMANDS_PER_BURST; i++) {
                for (int w = 0; w < writers.size(); w++) {
                    var command = bursts.get(w).get(i);
                    pending.add(new Sent(command, send(writers.get(w), command)));
                    if (i % 10 == 0) {
                        var other = writers.get(1 - w);
                        pending.add(new Sent(command, send(other, command)));
                    }
                }
            }
            var firstAnswers = new HashMap<String, CommandResult>();
            for (var sent : pending) {
                var result = sent.answer().get(COMMAND_TIMEOUT_S, TimeUnit.SECONDS);
                var id = sent.command().commandId();
                commands.put(id, sent.command());
                var earlier = firstAnswers.putIfAbsent(id, result);
                if (earlier != null) {
                    resentAnswers.add(new CommandResult[] {earlier, result});
                }
                answers.putIfAbsent(id, result);
            }
        }

        assertThat(resentAnswers).as("commands sent to both writers").isNotEmpty();
        assertThat(resentAnswers)
                .as("a command sent to both writers gets one answer from both")
                .allSatisfy(pair -> assertThat(pair[1]).isEqualTo(pair[0]));
        var posted = answers.values().stream().filter(CommandResult::isPosted).count();
        assertThat(posted).as("some commands posted").isPositive();
        assertThat(posted).as("some were refused").isLessThan(answers.size());

        var appended = appendedCommandIds(payers);
        for (var entry : answers.entrySet()) {
            int expected = entry.getValue().isPosted() ? 1 : 0;
            assertThat(appended.getOrDefault(entry.getKey(), 0))
                    .as("events of command %s (%s)", entry.getKey(), entry.getValue())
                    .isEqualTo(expected);
        }
        assertThat(commandLogCount(answers.keySet())).isEqualTo(answers.size());

        LedgerScenario.awaitReadSideCaughtUp(jdbc);
        for (var payer : payers) {
            long expected = expectedBalance(payer, commands, answers, paidFor);
            var spendable = LedgerAccounts.spendable(payer);
            assertThat(projectedBalance(spendable))
                    .as("balance of %s", spendable)
                    .isEqualTo(expected);
            long floor = payer.equals(customerWithAi) ? -GRACE_UCR : 0;
            assertThat(expected).as("%s never overdrawn", spendable).isGreaterThanOrEqualTo(floor);
        }
        assertThat(eventTypesOf(payers)).containsOnly("CreditAccount");

        var audit = audit();
        assertThat(audit.output()).contains("AUDIT PASSED").contains("differences: 0");
        assertThat(audit.exitCode()).isZero();
    }

    private record Sent(LedgerCommand command, CompletableFuture<CommandResult> answer) {}

    /** A client whose call failed resends the same command; the ledger applies it at most once. */
    private static CompletableFuture<CommandResult> send(
            LedgerWriter writer, LedgerCommand command) {
        return writer.submit(command).exceptionallyCompose(failure -> writer.submit(command));
    }

    private LedgerCommand randomCommand(List<AccountId> payers, AccountId customerWithoutAi) {
        int kind = random.nextInt(10);
        long amount = 20_000 + random.nextInt(200_000);
        if (kind < 2) {
            var partner = payers.get(random.nextInt(PARTNERS));
            return new AddCredits(newId("a"), partner, Credits.ofMicros(amount), "top-up");
        }
        if (kind < 3) {
            return new MeterUsage(
                    newId("u"), customerWithoutAi, Credits.ofMicros(amount), newId("use"), "call");
        }
        var payer = payers.get(random.nextInt(payers.size()));
        if (kind < 7) {
            return new MeterUsage(
                    newId("u"), payer, Credits.ofMicros(amount), newId("use"), "call");
        }
        return new DeductCredits(newId("d"), payer, Credits.ofMicros(amount), "correction");
    }

    private AccountId openFundedPartner() throws Exception {
        var partnerId = newId("p");
        var partner = AccountId.partner(partnerId);
        expectPosted(new OpenAccount(newId("o"), partner, partnerId));
        expectPosted(new AddCredits(newId("a"), partner, Credits.ofMicros(START_UCR), "start"));
        return partner;
    }

    private AccountId openCustomer(AccountId partner, boolean aiCredits) throws Exception {
        var customer = AccountId.customer(newId("c"));
        expectPosted(new OpenAccount(newId("o"), customer, partner.holderId()));
        if (aiCredits) {
            expectPosted(
                    new ConfigureAiCredits(
                            newId("ai"),
                            customer,
                            true,
                            Credits.ofCredits(2),
                            30,
                            Credits.ofCredits(1),
                            false));
            expectPosted(
                    new AddCredits(newId("a"), customer, Credits.ofMicros(START_UCR), "start"));
        }
        return customer;
    }

    private void expectPosted(LedgerCommand command) throws Exception {
        var result = first.submit(command).get(COMMAND_TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(result.isPosted()).as("%s: %s", command, result).isTrue();
    }

    /** The payer's spendable balance from the posted answers alone, set-up included. */
    private static long expectedBalance(
            AccountId payer,
            Map<String, LedgerCommand> commands,
            Map<String, CommandResult> answers,
            Map<AccountId, AccountId> paidFor) {
        long balance = START_UCR;
        for (var entry : answers.entrySet()) {
            var command = commands.get(entry.getKey());
            var paidBy = paidFor.getOrDefault(command.accountId(), command.accountId());
            if (!entry.getValue().isPosted() || !paidBy.equals(payer)) {
                continue;
            }
            if (command instanceof AddCredits add) {
                balance += add.amountUcr().ucr();
            } else if (command instanceof DeductCredits deduct) {
                balance -= deduct.amountUcr().ucr();
            } else if (command instanceof MeterUsage usage) {
                balance -= usage.amountUcr().ucr();
            }
        }
        return balance;
    }

    private Map<String, Integer> appendedCommandIds(List<AccountId> accounts) {
        var counts = new HashMap<String, Integer>();
        jdbc.query(
                """
                SELECT convert_from(payload, 'UTF8')::jsonb -> 'header' ->> 'commandId', count(*)
                  FROM ledger.domain_event_entry
                 WHERE aggregate_identifier = ANY (?)
                 GROUP BY 1""",
                row -> {
                    counts.put(row.getString(1), row.getInt(2));
                },
                (Object) accounts.stream().map(AccountId::value).toArray(String[]::new));
        return counts;
    }

    private List<String> eventTypesOf(List<AccountId> accounts) {
        return jdbc.queryForList(
                "SELECT DISTINCT type FROM ledger.domain_event_entry WHERE aggregate_identifier = ANY (?)",
                String.class,
                (Object) accounts.stream().map(AccountId::value).toArray(String[]::new));
    }

    private long commandLogCount(Set<String> commandIds) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM ledger.command_log WHERE command_id = ANY (?)",
                Long.class,
                (Object) commandIds.toArray(String[]::new));
    }

    private long projectedBalance(String ledgerAccount) {
        return jdbc.queryForObject(
                "SELECT balance_ucr FROM ledger_read.balance WHERE ledger_account = ?",
                Long.class,
                ledgerAccount);
    }

    record AuditRun(int exitCode, String output) {}

    private static AuditRun audit() {
        var db = TestPostgres.database();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit =
                AuditMain.run(
                        new String[] {
                            "--db-url",
                            db.jdbcUrl(),
                            "--db-user",
                            db.user(),
                            "--db-password",
                            db.password()
                        },
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new AuditRun(
                exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
