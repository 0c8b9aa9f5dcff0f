package io.ledgerline.bench.gateway;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Reads ledger.events.v1 from its current end and notes when each {@code UsageMetered} arrives, by
 * usage id (the gateway's request id): the moment the customer's ledger shows the usage.
 */
final class MeteredWatcher implements AutoCloseable {

    private static final String TOPIC = "ledger.events.v1";

    private final Map<String, Long> seenNanos = new ConcurrentHashMap<>();
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running = true;

    MeteredWatcher(String bootstrap) throws InterruptedException {
        thread = new Thread(() -> consume(bootstrap), "metered-watcher");
        thread.setDaemon(true);
        thread.start();
        ready.await();
    }

    private void consume(String bootstrap) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(TOPIC).stream()
                            .map(p -> new TopicPartition(TOPIC, p.partition()))
                            .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ready.countDown();
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    var type = record.headers().lastHeader("ll-type");
                    if (type == null
                            || !"UsageMetered"
                                    .equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    long now = System.nanoTime();
                    try {
                        var usageId =
                                JsonHttp.JSON.readTree(record.value()).path("usageId").asText(null);
                        if (usageId != null) {
                            seenNanos.putIfAbsent(usageId, now);
                        }
                    } catch (java.io.IOException e) {
                        Progress.line("usage-lag", "unreadable UsageMetered: " + e);
                    }
                }
            }
        } finally {
            ready.countDown();
        }
    }

    Long seen(String usageId) {
        return seenNanos.get(usageId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
