package io.ledgerline.gateway.livekey;

import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps this instance's keys in step with the other instances: reads {@code gateway.key-changes.v1}
 * and reloads each named key from the database ({@link KeyLoader}).
 *
 * <p>No consumer group: every instance must see every notice, and nothing needs committing. The
 * consumer is assigned every partition at the end offset, and only once its positions are fixed are
 * all keys reloaded, so a change committed before that reload is in it and one committed after is
 * announced after the positions: none falls between. The record key is the key id; the value is not
 * needed (the row is the truth), so a duplicate, a late or an unreadable notice is harmless. A
 * failed reload (database away) marks the instance for a full reload, retried each poll, and a full
 * reload also runs every {@code ledgerline.gateway.key-resync-ms} (default 60 s) as a net under
 * anything missed. A consumer failure starts the whole sequence over; the thread never gives up
 * while the context runs.
 */
@Component
public class KeyChangeFollower implements SmartLifecycle {

    static final Duration POLL = Duration.ofMillis(500);
    static final int MAX_RECORDS_PER_POLL = 500;
    private static final Logger log = LoggerFactory.getLogger(KeyChangeFollower.class);

    private final ConsumerFactory<String, byte[]> consumers;
    private final KeyLoader loader;
    private final AtomicBoolean resyncDue = new AtomicBoolean();
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    public KeyChangeFollower(ConsumerFactory<String, byte[]> consumers, KeyLoader loader) {
        this.consumers = consumers;
        this.loader = loader;
    }

    @Override
    public void start() {
        var overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_RECORDS_PER_POLL);
        consumer = consumers.createConsumer(null, "gateway-key-changes", null, overrides);
        running = true;
        thread = new Thread(this::follow, "key-change-follower");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        var follower = thread;
        if (follower != null) {
            try {
                follower.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Scheduled(fixedDelayString = "${ledgerline.gateway.key-resync-ms:60000}")
    public void resyncPeriodically() {
        resyncDue.set(true);
    }

    private void follow() {
        try (var c = consumer) {
            while (running) {
                try {
                    followFromTheEnd(c);
                } catch (WakeupException stopping) {
                    return;
                } catch (RuntimeException e) {
                    // A broker away at start (no partitions yet) or an unexpected consumer error:
                    // start over from the end offsets with a full reload, so nothing is missed.
                    log.warn("key change follower failed; starting over", e);
                    pause();
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up while it was being closed.
        }
    }

    private void followFromTheEnd(Consumer<String, byte[]> c) {
        var partitions = partitions(c);
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        resyncDue.set(true);
        while (running) {
            resyncIfDue();
            for (var record : c.poll(POLL)) {
                reload(record.key());
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> c) {
        var topic = Topics.GATEWAY_KEY_CHANGES.name();
        while (true) {
            var found =
                    c.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            if (!found.isEmpty()) {
                return found;
            }
            log.warn("topic {} not found yet; keys follow the periodic resync until it is", topic);
            resyncIfDue();
            pause();
        }
    }

    private void resyncIfDue() {
        if (resyncDue.getAndSet(false)) {
            try {
                loader.reloadAll();
            } catch (RuntimeException e) {
                resyncDue.set(true);
                log.warn("could not reload the gateway keys; retrying", e);
                pause();
            }
        }
    }

    private void reload(String keyId) {
        if (keyId == null) {
            return;
        }
        try {
            loader.reload(keyId);
        } catch (RuntimeException e) {
            resyncDue.set(true);
            log.warn("could not reload key {}; a full reload follows", keyId, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
