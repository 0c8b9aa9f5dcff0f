package io.ledgerline.gateway.support;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.CreditsDeducted;
import io.ledgerline.contracts.ledger.event.CreditsReserved;
import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.KeyDepositReserved;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.ledger.event.ReservationReleased;
import io.ledgerline.contracts.ledger.event.ReservationSettled;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.ledger.fold.Balances;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Publishes ledger events to the real broker exactly as docs/ledger-api.md describes them (JSON,
 * {@code ll-type} header, key = account id), with per-account sequences and hash chains, and keeps
 * the balances they imply with the contracts' own fold. Stands in for the ledger's publisher in
 * this module's tests.
 */
public final class LedgerFeed {

    private final KafkaProducer<String, byte[]> producer;
    private final Balances balances = new Balances();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String> lastHash = new HashMap<>();
    private final Map<String, String> partnerOfCustomer = new HashMap<>();

    public LedgerFeed(String bootstrapServers) {
        var props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("acks", "all");
        this.producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public synchronized void openPartner(String partnerId) {
        publish(new AccountOpened(header(AccountId.partner(partnerId)), partnerId));
    }

    public synchronized void openCustomer(String customerId, String partnerId) {
        partnerOfCustomer.put(customerId, partnerId);
        publish(new AccountOpened(header(AccountId.customer(customerId)), partnerId));
    }

    public synchronized void configureAiCredits(String customerId, boolean enabled) {
        publish(
                new AiCreditsConfigured(
                        header(AccountId.customer(customerId)),
                        enabled,
                        Credits.ofCredits(1),
                        30,
                        Credits.ofCredits(10),
                        true));
    }

    public synchronized void addPartnerCredits(String partnerId, Credits amount) {
        publish(
                new CreditsAdded(
                        header(AccountId.partner(partnerId)),
                        new Transfer(
                                LedgerId.PLATFORM,
                                LedgerAccounts.PLATFORM_ISSUANCE,
                                LedgerAccounts.partnerAvailable(partnerId),
                                amount),
                        "top-up",
                        null));
    }

    public synchronized void deductPartnerCredits(String partnerId, Credits amount) {
        publish(
                new CreditsDeducted(
                        header(AccountId.partner(partnerId)),
                        new Transfer(
                                LedgerId.PLATFORM,
                                LedgerAccounts.partnerAvailable(partnerId),
                                LedgerAccounts.PLATFORM_ISSUANCE,
                                amount),
                        "test drain",
                        null));
    }

    public synchronized void addCustomerCredits(String customerId, Credits amount) {
        var partnerId = partnerOfCustomer.get(customerId);
        publish(
                new CreditsAdded(
                        header(AccountId.customer(customerId)),
                        new Transfer(
                                LedgerId.ai(partnerId),
                                LedgerAccounts.partnerAiIssuance(partnerId),
                                LedgerAccounts.customerAi(customerId),
                                amount),
                        "AI credits",
                        null));
    }

    public synchronized void meterCustomer(String customerId, Credits amount, String usageId) {
        var partnerId = partnerOfCustomer.get(customerId);
        var customer = AccountId.customer(customerId);
        publish(
                new UsageMetered(
                        header(customer),
                        new Transfer(
                                LedgerId.ai(partnerId),
                                LedgerAccounts.customerAi(customerId),
                                LedgerAccounts.partnerAiRevenue(partnerId),
                                amount),
                        usageId,
                        "gateway usage",
                        customer));
    }

    public synchronized String reserve(
            String partnerId, String reservationId, Credits amount, String commandId) {
        var partner = AccountId.partner(partnerId);
        var transfer =
                new Transfer(
                        LedgerId.PLATFORM,
                        LedgerAccounts.partnerAvailable(partnerId),
                        LedgerAccounts.reservation(partner, reservationId),
                        amount);
        var event =
                reservationId.startsWith("key-deposit-")
                        ? new KeyDepositReserved(
                                header(partner, commandId),
                                transfer,
                                reservationId.substring("key-deposit-".length()),
                                reservationId)
                        : new CreditsReserved(
                                header(partner, commandId),
                                transfer,
                                reservationId,
                                "gateway key",
                                Instant.now().plusSeconds(3600));
        publish(event);
        return event.header().eventId();
    }

    public synchronized String settle(
            String partnerId,
            String reservationId,
            Credits amount,
            String usageId,
            String commandId) {
        var partner = AccountId.partner(partnerId);
        var event =
                new ReservationSettled(
                        header(partner, commandId),
                        new Transfer(
                                LedgerId.PLATFORM,
                                LedgerAccounts.reservation(partner, reservationId),
                                LedgerAccounts.PLATFORM_USAGE_REVENUE,
                                amount),
                        reservationId,
                        usageId);
        publish(event);
        return event.header().eventId();
    }

    /** Releases what is left of a reservation; returns the amount refunded. */
    public synchronized Credits release(String partnerId, String reservationId, String commandId) {
        var partner = AccountId.partner(partnerId);
        var account = LedgerAccounts.reservation(partner, reservationId);
        var left = balances.balanceOf(account);
        if (left.isPositive()) {
            publish(
                    new ReservationReleased(
                            header(partner, commandId),
                            new Transfer(
                                    LedgerId.PLATFORM,
                                    account,
                                    LedgerAccounts.partnerAvailable(partnerId),
                                    left),
                            reservationId,
                            "released"));
        }
        return left;
    }

    public synchronized Credits balanceOf(String ledgerAccount) {
        return balances.balanceOf(ledgerAccount);
    }

    public synchronized Map<LedgerId, Credits> unbalancedLedgers() {
        return balances.unbalancedLedgers();
    }

    private EventHeader header(AccountId account) {
        return header(account, "cmd-" + UUID.randomUUID());
    }

    private EventHeader header(AccountId account, String commandId) {
        // Like the ledger's: an account's first event has sequence 0.
        long sequence = sequences.merge(account.value(), 0L, (last, ignored) -> last + 1);
        return new EventHeader(
                UUID.randomUUID().toString(),
                account,
                sequence,
                commandId,
                Instant.now(),
                lastHash.getOrDefault(account.value(), EventHash.GENESIS));
    }

    private void publish(LedgerEvent event) {
        balances.apply(event);
        var account = event.header().accountId().value();
        lastHash.put(account, EventHash.of(event));
        var record =
                new ProducerRecord<String, byte[]>(
                        Topics.LEDGER_EVENTS.name(), account, ContractJson.toBytes(event));
        record.headers()
                .add(
                        Topics.TYPE_HEADER,
                        LedgerEventTypes.nameOf(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.SCHEMA_VERSION_HEADER, "1".getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        Topics.EVENT_ID_HEADER,
                        event.header().eventId().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
    }
}
