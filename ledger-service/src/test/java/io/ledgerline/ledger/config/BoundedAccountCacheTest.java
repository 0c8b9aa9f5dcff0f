package io.ledgerline.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedAccountCacheTest {

    @Test
    void
            keeps_entries_across_garbage_collections_and_drops_the_least_recently_used_beyond_its_bound() {
        var cache = new BoundedAccountCache(2);
        cache.put("partner:a", new Object());
        cache.put("partner:b", new Object());
        cache.get("partner:a");
        System.gc();

        cache.put("partner:c", new Object());

        assertThat(cache.containsKey("partner:a")).isTrue();
        assertThat(cache.containsKey("partner:b")).as("least recently used").isFalse();
        assertThat(cache.containsKey("partner:c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void computes_only_when_absent_and_removes_on_request() {
        var cache = new BoundedAccountCache(10);
        assertThat(cache.<String>computeIfAbsent("k", () -> "first")).isEqualTo("first");
        assertThat(cache.<String>computeIfAbsent("k", () -> "second")).isEqualTo("first");
        assertThat(cache.putIfAbsent("k", "third")).isFalse();
        assertThat(cache.remove("k")).isTrue();
        assertThat(cache.containsKey("k")).isFalse();
    }
}
