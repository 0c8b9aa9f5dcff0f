package io.ledgerline.bench.gateway;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The usage events billing has not consumed yet. Every gateway request of a phase becomes a
 * usage.v1 event that billing rates and sends to the ledger; phases wait for that work to end so
 * the next one is not measured against it.
 */
final class BillingBacklog implements AutoCloseable {

    private static final String GROUP = "billing-usage-metering";
    private static final String TOPIC = "usage.v1";

    private final Admin admin;

    BillingBacklog(String bootstrap) {
        var props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(props);
    }

    long lag() throws ExecutionException, InterruptedException {
        var partitions =
                admin
                        .describeTopics(java.util.List.of(TOPIC))
                        .allTopicNames()
                        .get()
                        .get(TOPIC)
                        .partitions()
                        .stream()
                        .map(p -> new TopicPartition(TOPIC, p.partition()))
                        .collect(Collectors.toList());
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        var latest =
                admin.listOffsets(
                                partitions.stream()
                                        .collect(
                                                Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all()
                        .get();
        long lag = 0;
        for (var partition : partitions) {
            var offset = committed.get(partition);
            lag += latest.get(partition).offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /** Waits until billing has consumed everything; answers the seconds it took. */
    double drain(long timeoutMs) throws ExecutionException, InterruptedException {
        long start = System.nanoTime();
        long deadline = System.currentTimeMillis() + timeoutMs;
        long lag = lag();
        long lastReport = 0;
        while (lag > 0 && System.currentTimeMillis() < deadline) {
            if (System.currentTimeMillis() - lastReport > 5_000) {
                Progress.line("billing", lag + " usage events not yet rated; waiting");
                lastReport = System.currentTimeMillis();
            }
            Thread.sleep(250);
            lag = lag();
        }
        if (lag > 0) {
            Progress.line(
                    "billing",
                    "still " + lag + " events behind after " + timeoutMs + " ms; going on");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        admin.close();
    }
}
