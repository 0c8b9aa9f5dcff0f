package io.ledgerline.websecurity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    @Test
    void everyPathHasTheDefaultUnlessGivenMore() {
        var limits = BodyLimits.of(1024).with("/api/v1/batches", 4096);

        assertThat(limits.limitFor("/api/v1/batches")).isEqualTo(4096);
        assertThat(limits.limitFor("/api/v1/batches/")).isEqualTo(1024);
        assertThat(limits.limitFor("/api/v1/accounts/x/credits")).isEqualTo(1024);
    }

    @Test
    void aLimitMustBePositive() {
        assertThatThrownBy(() -> BodyLimits.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BodyLimits.of(1).with("/x", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
