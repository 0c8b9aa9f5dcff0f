package io.ledgerline.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.UUID;

class UsageEventIdTest {

    @Test
    void usage_event_ids_are_distinct_version_4_uuids() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 100_000; i++) {
            var id = UsagePublisher.randomEventId();
            var uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }
}
