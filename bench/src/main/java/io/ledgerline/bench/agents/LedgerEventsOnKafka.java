package io.ledgerline.bench.agents;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Ledger events as the ledger would publish them (ids, per-account sequences, transfers, headers),
 * written straight to {@code ledger.events.v1}: the alerts bench needs the events, not the ledger.
 */
final class LedgerEventsOnKafka implements Crossings {

    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> sequences = new HashMap<>();

    LedgerEventsOnKafka(String bootstrap) {
        producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.LINGER_MS_CONFIG,
                                0),
                        new StringSerializer(),
                        new ByteArraySerializer());
    }

    @Override
    public void open(AccountId customer, String partnerId) {
        send(new AccountOpened(next(customer), partnerId));
    }

    @Override
    public void configure(AccountId customer, long thresholdCredits) {
        send(
                new AiCreditsConfigured(
                        next(customer),
                        true,
                        Credits.ofCredits(1),
                        60,
                        Credits.ofCredits(thresholdCredits),
                        true));
    }

    @Override
    public void add(AccountId customer, String partnerId, long credits) {
        var transfer =
                new Transfer(
                        LedgerId.ai(partnerId),
                        LedgerAccounts.partnerAiIssuance(partnerId),
                        LedgerAccounts.customerAi(customer.holderId()),
                        Credits.ofCredits(credits));
        send(new CreditsAdded(next(customer), transfer, "bench", null));
    }

    /** Sends and waits for the broker's acknowledgement. */
    @Override
    public void use(AccountId customer, String partnerId, long credits) {
        var transfer =
                new Transfer(
                        LedgerId.ai(partnerId),
                        LedgerAccounts.customerAi(customer.holderId()),
                        LedgerAccounts.partnerAiRevenue(partnerId),
                        Credits.ofCredits(credits));
        send(
                new UsageMetered(
                        next(customer), transfer, "u-" + UUID.randomUUID(), "bench", customer));
    }

    private EventHeader next(AccountId account) {
        long sequence = sequences.merge(account.value(), 1L, Long::sum) - 1;
        return new EventHeader(
                UUID.randomUUID().toString(),
                account,
                sequence,
                "bench-" + UUID.randomUUID(),
                Instant.now(),
                "0".repeat(64));
    }

    private void send(LedgerEvent event) {
        var record =
                new ProducerRecord<>(
                        Topics.LEDGER_EVENTS.name(),
                        event.header().accountId().value(),
                        ContractJson.toBytes(event));
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
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to Kafka", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
