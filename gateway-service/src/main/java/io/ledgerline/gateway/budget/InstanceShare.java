package io.ledgerline.gateway.budget;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many gateway instances share every budget ({@code ledgerline.gateway.instances}, env {@code
 * LEDGERLINE_GATEWAY_INSTANCES}): each instance's pots admit up to {@code 1 / instances} of the
 * ledger's headroom. Set it to the replica count; a larger value only refuses earlier, a smaller
 * one lets the instances together overspend.
 */
@Component
public class InstanceShare {

    public static final int MAX_INSTANCES = 1_000;

    private final int instances;

    public InstanceShare(@Value("${ledgerline.gateway.instances:1}") int instances) {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    "ledgerline.gateway.instances must be 1.."
                            + MAX_INSTANCES
                            + ", not "
                            + instances);
        }
        this.instances = instances;
    }

    public int instances() {
        return instances;
    }
}
