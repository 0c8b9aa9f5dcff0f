package io.ledgerline.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.ledger.history.LedgerScenario;
import io.ledgerline.ledger.history.ReadSideGuard;
import io.ledgerline.ledger.writer.LedgerWriter;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.TestPostgres;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The auditor's replay over the real event store and read side, run as the command runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class AuditReplayTest {

    private static final String READ_SIDE_PROCESSOR = "ledger-projections";

    @Autowired LedgerWriter writer;

    @Autowired JdbcTemplate jdbc;

    @Autowired EventProcessingConfiguration processing;

    @Autowired ReadSideGuard readSide;

    @TempDir Path files;

    LedgerScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new LedgerScenario(writer, jdbc);
    }

    @Test
    void audit_replay_passes_after_a_mixed_scenario() {
        scenario.mixed().awaitReadSideCaughtUp();

        var run = audit();

        assertThat(run.output())
                .contains("AUDIT PASSED")
                .contains("differences: 0")
                .containsPattern("PLATFORM sums to 0 µcr");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void audit_replay_fails_and_names_the_event_whose_stored_payload_was_altered() {
        scenario.mixed();
        var added = scenario.add(scenario.customer, 7, "to be tampered with");
        scenario.awaitReadSideCaughtUp();
        var eventId = added.eventIds().get(0);
        var row =
                jdbc.queryForMap(
                        """
                SELECT global_index, event_identifier, aggregate_identifier, sequence_number,
                        payload
                  FROM ledger.domain_event_entry
                 WHERE position(convert_to(?, 'UTF8') IN payload) > 0""",
                        eventId);
        var original = (byte[]) row.get("payload");
        var altered =
                new String(original, StandardCharsets.UTF_8)
                        .replace("\"amountUcr\":7000000", "\"amountUcr\":70000000");
        assertThat(altered).isNotEqualTo(new String(original, StandardCharsets.UTF_8));

        jdbc.update(
                "UPDATE ledger.domain_event_entry SET payload = ? WHERE global_index = ?",
                altered.getBytes(StandardCharsets.UTF_8),
                row.get("global_index"));
        try {
            var run = audit();

            assertThat(run.exitCode()).isEqualTo(AuditMain.FAILED);
            assertThat(run.output())
                    .contains("AUDIT FAILED")
                    .contains(
                            "HASH_MISMATCH at event "
                                    + row.get("event_identifier")
                                    + " (aggregate "
                                    + row.get("aggregate_identifier")
                                    + ", sequence "
                                    + row.get("sequence_number"));
            assertThat(run.output())
                    .contains(
                            "PROJECTION_DIFFERENCE at ledger account customer/"
                                    + scenario.customerId
                                    + "/ai");
        } finally {
            jdbc.update(
                    "UPDATE ledger.domain_event_entry SET payload = ? WHERE global_index = ?",
                    original,
                    row.get("global_index"));
        }
        assertThat(audit().exitCode()).isZero();
    }

    @Test
    void audit_fails_naming_the_lag_and_the_stale_balances_when_the_read_side_stopped() {
        scenario.mixed().awaitReadSideCaughtUp();
        var available = LedgerAccounts.partnerAvailable(scenario.partnerId);
        long projectedUcr =
                jdbc.queryForObject(
                        "SELECT balance_ucr FROM ledger_read.balance WHERE ledger_account = ?",
                        Long.class,
                        available);
        var projections = processing.eventProcessor(READ_SIDE_PROCESSOR).orElseThrow();
        projections.shutDown();
        try {
            scenario.add(scenario.partner, 3_002, "while the read side is stopped");

            var run = run("--grace-seconds", "1");

            assertThat(run.exitCode()).isEqualTo(AuditMain.FAILED);
            assertThat(run.output())
                    .contains("AUDIT FAILED")
                    .contains("PROJECTION_BEHIND at the read side: 1 events not projected")
                    .contains("(tolerance 0)")
                    .contains(
                            available
                                    + " (projection "
                                    + projectedUcr
                                    + " µcr, store "
                                    + (projectedUcr + 3_002_000_000L)
                                    + " µcr)")
                    .doesNotContain("PROJECTION_DIFFERENCE");
            assertThat(run("--grace-seconds", "0", "--max-lag", "1").exitCode())
                    .as("within a stated tolerance")
                    .isZero();
        } finally {
            readSide.resume();
        }
        scenario.awaitReadSideCaughtUp();
        assertThat(audit().exitCode()).isZero();
    }

    @Test
    void audit_refuses_a_negative_tolerance() {
        var run = run("--max-lag", "-1");

        assertThat(run.exitCode()).isEqualTo(AuditMain.USAGE);
        assertThat(run.errors()).contains("--max-lag must be between 0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void export_gives_the_transfers_with_hashes_and_an_as_of_statement_as_json_and_csv()
            throws Exception {
        scenario.mixed().awaitReadSideCaughtUp();
        var json = files.resolve("statement.json");
        var csv = files.resolve("statement.csv");

        var jsonRun =
                run(
                        "export",
                        "--account",
                        scenario.customer.value(),
                        "--format",
                        "json",
                        "--out",
                        json.toString());
        var csvRun =
                run(
                        "export",
                        "--account",
                        scenario.customer.value(),
                        "--format",
                        "csv",
                        "--out",
                        csv.toString());

        assertThat(jsonRun.exitCode()).isZero();
        assertThat(csvRun.exitCode()).isZero();
        var statement = ContractJson.mapper().readValue(json.toFile(), Map.class);
        var accounts = (List<Map<String, Object>>) statement.get("accounts");
        var spendable =
                accounts.stream()
                        .filter(
                                a ->
                                        a.get("ledgerAccount")
                                                .equals("customer/" + scenario.customerId + "/ai"))
                        .findFirst()
                        .orElseThrow();
        assertThat(spendable)
                .containsEntry("openingUcr", 0)
                .containsEntry("closingUcr", 78_000_000)
                .containsEntry("inUcr", 106_000_000)
                .containsEntry("outUcr", 28_000_000);
        var transfers = (List<Map<String, Object>>) statement.get("transfers");
        assertThat(transfers)
                .hasSize(6)
                .allSatisfy(t -> assertThat((String) t.get("hash")).hasSize(64));
        var lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(StatementWriter.CSV_HEADER);
        assertThat(lines).filteredOn(l -> l.startsWith("transfer,")).hasSize(6);
        assertThat(lines)
                .anyMatch(
                        l ->
                                l.startsWith(
                                                "statement,customer/"
                                                        + scenario.customerId
                                                        + "/ai,AI:"
                                                        + scenario.partnerId)
                                        && l.contains(",0,106000000,28000000,78000000,"));
    }

    @Test
    void export_refuses_a_request_without_an_account_or_ledger() {
        var run = run("export", "--format", "csv", "--out", files.resolve("x.csv").toString());

        assertThat(run.exitCode()).isEqualTo(AuditMain.USAGE);
        assertThat(run.errors()).contains("exactly one of --account or --ledger");
    }

    record Run(int exitCode, String output, String errors) {}

    private Run audit() {
        return run();
    }

    private Run run(String... command) {
        var db = TestPostgres.database();
        var args = new ArrayList<>(List.of(command));
        args.addAll(
                List.of(
                        "--db-url",
                        db.jdbcUrl(),
                        "--db-user",
                        db.user(),
                        "--db-password",
                        db.password()));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit =
                AuditMain.run(
                        args.toArray(String[]::new),
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
