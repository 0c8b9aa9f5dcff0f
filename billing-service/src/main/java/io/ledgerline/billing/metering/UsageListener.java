package io.ledgerline.billing.metering;

import io.ledgerline.billing.ledgerclient.LedgerUnavailableException;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumes {@code usage.v1} a poll at a time and meters the poll as one batch. A record that fails
 * on its own (poison, or a rating error) is named to the error handler by its index, after the
 * others are charged: the handler commits what precedes it, parks or retries it, and redelivers the
 * rest, which are then skipped as already recorded. A failure of the whole batch (ledger down)
 * names the first record, so the whole poll is retried.
 */
@Component
class UsageListener {

    static final String LISTENER_ID = "usage-metering";

    private final UsageMetering metering;

    UsageListener(UsageMetering metering) {
        this.metering = metering;
    }

    @KafkaListener(
            id = LISTENER_ID,
            groupId = "billing-usage-metering",
            topics = "#{T(io.ledgerline.contracts.topics.Topics).USAGE.name()}",
            containerFactory = UsageListenerFactory.NAME,
            batch = "true")
    void onUsage(List<ConsumerRecord<String, byte[]>> records) {
        var usages = new ArrayList<UsageRecorded>(records.size());
        var positions = new IdentityHashMap<UsageRecorded, Integer>();
        var failure = new FirstFailure();
        for (int i = 0; i < records.size(); i++) {
            try {
                var usage = UsageRecords.read(records.get(i));
                usages.add(usage);
                positions.put(usage, i);
            } catch (PoisonRecordException e) {
                failure.at(i, e);
            }
        }
        meter(usages, positions, failure);
        failure.raise();
    }

    private void meter(
            List<UsageRecorded> usages,
            Map<UsageRecorded, Integer> positions,
            FirstFailure failure) {
        try {
            metering.meter(usages)
                    .forEach(bad -> failure.at(positions.get(bad.usage()), bad.cause()));
        } catch (LedgerUnavailableException e) {
            throw new BatchListenerFailedException(e.getMessage(), e, 0);
        } catch (RuntimeException e) {
            meterOneByOne(usages, positions, failure);
        }
    }

    /** Finds the one use that fails the batch, so its neighbours are not parked with it. */
    private void meterOneByOne(
            List<UsageRecorded> usages,
            Map<UsageRecorded, Integer> positions,
            FirstFailure failure) {
        for (var usage : usages) {
            int position = positions.get(usage);
            try {
                metering.meter(List.of(usage)).forEach(bad -> failure.at(position, bad.cause()));
            } catch (RuntimeException e) {
                failure.at(position, e);
                failure.raise();
            }
        }
    }

    /** The failed record with the lowest index: everything before it has been dealt with. */
    private static final class FirstFailure {

        private int index = Integer.MAX_VALUE;
        private RuntimeException cause;

        void at(int position, RuntimeException error) {
            if (position < index) {
                index = position;
                cause = error;
            }
        }

        void raise() {
            if (cause != null) {
                throw new BatchListenerFailedException(cause.getMessage(), cause, index);
            }
        }
    }
}
