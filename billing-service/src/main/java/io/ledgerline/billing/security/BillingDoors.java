package io.ledgerline.billing.security;

import static io.ledgerline.websecurity.Door.get;
import static io.ledgerline.websecurity.Door.post;

import io.ledgerline.websecurity.Doors;
import io.ledgerline.websecurity.LockedDoors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Which scope each of billing's endpoints needs. Reading is {@code billing.read}; agent runtimes
 * report usage with {@code billing.usage} and ask for call time with {@code billing.calls} — the
 * full table is in docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
@Import(LockedDoors.class)
public class BillingDoors {

    public static final String READ = "billing.read";
    public static final String USAGE = "billing.usage";
    public static final String CALLS = "billing.calls";
    public static final String OPERATE = "billing.operate";

    @Bean
    public static Doors doors() {
        return Doors.of(
                "billing",
                get("/api/v1/**", READ),
                get("/v3/api-docs/**", READ),
                // A preview prices a request and changes nothing, so reading is enough.
                post("/api/v1/billing-preview", READ),
                post("/api/v1/agent-usage", USAGE),
                post("/api/v1/calls", CALLS),
                post("/api/v1/calls/*/extend", CALLS),
                post("/api/v1/calls/*/end", CALLS),
                get("/actuator/**", OPERATE));
    }
}
