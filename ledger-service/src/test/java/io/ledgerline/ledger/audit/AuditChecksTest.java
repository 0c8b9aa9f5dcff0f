package io.ledgerline.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.CreditsDeducted;
import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.audit.AuditFinding.Kind;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit's checks on their own, fed stored rows built in memory. */
class AuditChecksTest {

    private static final AccountId PARTNER = AccountId.partner("p1");
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String AVAILABLE = LedgerAccounts.partnerAvailable("p1");

    @Test
    void an_intact_chain_has_no_findings() {
        var chains = new HashChainVerifier();

        var findings = new ArrayList<AuditFinding>();
        for (var stored : store(chain(10, 3, 4))) {
            findings.addAll(chains.verify(stored, Optional.of(StoredEventDecoder.event(stored))));
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void an_altered_payload_is_named_and_breaks_the_chain_from_the_next_event() {
        var stored = store(chain(10, 3, 4));
        var altered = alter(stored.get(1), "\"amountUcr\":3000000", "\"amountUcr\":3000001");
        var chains = new HashChainVerifier();

        var findings = new ArrayList<AuditFinding>();
        for (var row : List.of(stored.get(0), altered, stored.get(2))) {
            findings.addAll(chains.verify(row, Optional.of(StoredEventDecoder.event(row))));
        }

        assertThat(findings)
                .extracting(AuditFinding::kind, AuditFinding::where)
                .containsExactly(
                        tuple(Kind.HASH_MISMATCH, altered.describe()),
                        tuple(Kind.CHAIN_BROKEN, stored.get(2).describe()));
    }

    @Test
    void a_missing_event_shows_as_a_sequence_gap() {
        var stored = store(chain(10, 3, 4));
        var chains = new HashChainVerifier();

        chains.verify(stored.get(0), Optional.of(StoredEventDecoder.event(stored.get(0))));
        var findings =
                chains.verify(stored.get(2), Optional.of(StoredEventDecoder.event(stored.get(2))));

        assertThat(findings)
                .extracting(AuditFinding::kind)
                .containsExactly(Kind.SEQUENCE_GAP, Kind.CHAIN_BROKEN);
    }

    @Test
    void zero_sum_holds_for_balanced_transfers_and_fails_when_an_account_changes_ledger() {
        var check = new ZeroSumCheck();
        var stored = store(chain(10, 3));
        stored.forEach(
                row -> assertThat(check.apply(row, StoredEventDecoder.event(row))).isEmpty());

        var header = new EventHeader("x", PARTNER, 2, "c", START, EventHash.GENESIS);
        var crossing =
                new CreditsAdded(
                        header,
                        new Transfer(
                                LedgerId.ai("p1"),
                                LedgerAccounts.partnerAiIssuance("p1"),
                                AVAILABLE,
                                Credits.ofCredits(1)),
                        "n",
                        null);

        assertThat(check.apply(stored.get(0), crossing))
                .get()
                .extracting(AuditFinding::kind)
                .isEqualTo(Kind.NOT_ZERO_SUM);
    }

    @Test
    void statement_gives_opening_movements_and_closing_for_the_period() {
        var events = chain(10, 3, 4);
        var export =
                new StatementExport(
                        StatementExport.Selection.account(AVAILABLE),
                        START.plusSeconds(30),
                        START.plusSeconds(150));
        var stored = store(events);
        for (int i = 0; i < events.size(); i++) {
            export.accept(stored.get(i), events.get(i));
        }

        var statement = export.statement();

        assertThat(statement.accounts())
                .singleElement()
                .satisfies(
                        account -> {
                            assertThat(account.openingUcr()).isEqualTo(10_000_000L);
                            assertThat(account.inUcr()).isEqualTo(4_000_000L);
                            assertThat(account.outUcr()).isEqualTo(3_000_000L);
                            assertThat(account.closingUcr()).isEqualTo(11_000_000L);
                        });
        assertThat(statement.transfers())
                .extracting(StatementExport.TransferLine::hash)
                .containsExactly(EventHash.of(events.get(1)), EventHash.of(events.get(2)));
    }

    /** Added, then alternately deducted and added, one minute apart, hash-chained. */
    private static List<LedgerEvent> chain(long... credits) {
        var events = new ArrayList<LedgerEvent>();
        var prev = EventHash.GENESIS;
        for (int i = 0; i < credits.length; i++) {
            var header =
                    new EventHeader("e" + i, PARTNER, i, "c" + i, START.plusSeconds(60L * i), prev);
            var amount = Credits.ofCredits(credits[i]);
            LedgerEvent event =
                    i % 2 == 0
                            ? new CreditsAdded(
                                    header,
                                    new Transfer(
                                            LedgerId.PLATFORM,
                                            LedgerAccounts.PLATFORM_ISSUANCE,
                                            AVAILABLE,
                                            amount),
                                    "top-up",
                                    null)
                            : new CreditsDeducted(
                                    header,
                                    new Transfer(
                                            LedgerId.PLATFORM,
                                            AVAILABLE,
                                            LedgerAccounts.PLATFORM_ISSUANCE,
                                            amount),
                                    "refund",
                                    null);
            prev = EventHash.of(event);
            events.add(event);
        }
        return events;
    }

    private static List<StoredEvent> store(List<LedgerEvent> events) {
        var rows = new ArrayList<StoredEvent>();
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            rows.add(
                    new StoredEvent(
                            i + 1,
                            "axon-" + i,
                            event.header().accountId().value(),
                            event.header().sequence(),
                            event.getClass().getName(),
                            ContractJson.toBytes(event),
                            ContractJson.toBytes(Map.of("hash", EventHash.of(event)))));
        }
        return rows;
    }

    private static StoredEvent alter(StoredEvent row, String from, String to) {
        var payload = new String(row.payload(), StandardCharsets.UTF_8);
        assertThat(payload).contains(from);
        return new StoredEvent(
                row.globalIndex(),
                row.eventIdentifier(),
                row.aggregateIdentifier(),
                row.sequenceNumber(),
                row.payloadType(),
                payload.replace(from, to).getBytes(StandardCharsets.UTF_8),
                row.metaData());
    }
}
