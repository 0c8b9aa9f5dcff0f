package io.ledgerline.billing.security;

import static io.ledgerline.websecurity.Door.delete;
import static io.ledgerline.websecurity.Door.get;
import static io.ledgerline.websecurity.Door.post;
import static io.ledgerline.websecurity.Door.put;

import io.ledgerline.websecurity.Doors;
import io.ledgerline.websecurity.LockedDoors;
import io.ledgerline.websecurity.edge.ServletEdges;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.ArrayList;
import java.util.List;

/**
 * Which scope each of billing's endpoints needs. Reading is {@code billing.read}; agent runtimes
 * report usage with {@code billing.usage} and ask for call time with {@code billing.calls}; buying
 * and payment methods are {@code billing.purchases}, defining credit plans {@code billing.plans} —
 * the full table is in docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
@Import({LockedDoors.class, ServletEdges.class})
public class BillingDoors {

    public static final String READ = "billing.read";
    public static final String USAGE = "billing.usage";
    public static final String CALLS = "billing.calls";
    public static final String OPERATE = "billing.operate";
    public static final String PURCHASES = "billing.purchases";
    public static final String PLANS = "billing.plans";

    /**
     * The payment provider's webhook carries no token: the provider signs every delivery with a
     * secret shared with billing, and the endpoint refuses what is not signed, signed wrongly or
     * signed too long ago.
     */
    public static final String PAYMENT_WEBHOOK = "/api/v1/payment-provider/webhook";

    /**
     * Hosted invoice pages carry no token either: the link itself, a random 256-bit token per
     * invoice, is what a customer holds, to open it without the portal. A wrong token is 404.
     */
    public static final String HOSTED_INVOICES = "/api/v1/hosted-invoices/*";

    @Bean
    public static Doors doors() {
        var publicPaths = new ArrayList<>(Doors.HEALTH);
        publicPaths.add(PAYMENT_WEBHOOK);
        publicPaths.add(HOSTED_INVOICES);
        return new Doors(
                "billing",
                List.of(
                        get("/api/v1/**", READ),
                        get("/v3/api-docs/**", READ),
                        // A preview prices a request and changes nothing, so reading is enough.
                        post("/api/v1/billing-preview", READ),
                        post("/api/v1/agent-usage", USAGE),
                        post("/api/v1/calls", CALLS),
                        post("/api/v1/calls/*/extend", CALLS),
                        post("/api/v1/calls/*/end", CALLS),
                        post("/api/v1/workspaces/*/entitlements/check", CALLS),
                        post("/api/v1/accounts/*/payment-methods", PURCHASES),
                        post("/api/v1/accounts/*/payment-methods/*/default", PURCHASES),
                        delete("/api/v1/accounts/*/payment-methods/*", PURCHASES),
                        post("/api/v1/accounts/*/purchases", PURCHASES),
                        post("/api/v1/accounts/*/quick-buy", PURCHASES),
                        post("/api/v1/accounts/*/invoices/*/pay", PURCHASES),
                        post("/api/v1/accounts/*/subscriptions", PURCHASES),
                        post("/api/v1/accounts/*/subscriptions/*/cancel", PURCHASES),
                        // An auto top-up authorises purchases to come, so setting it is buying.
                        put("/api/v1/accounts/*/auto-top-up", PURCHASES),
                        delete("/api/v1/accounts/*/auto-top-up", PURCHASES),
                        post("/api/v1/partners/*/credit-plans", PLANS),
                        post("/api/v1/partners/*/credit-plans/*/archive", PLANS),
                        put("/api/v1/customers/*/credit-plan-visibility", PLANS),
                        // The built-in provider's console: delivering an event again is an
                        // operator's act.
                        post("/api/v1/payment-provider/events/*/redeliver", OPERATE),
                        // Giving money back is an operator's decision.
                        post("/api/v1/accounts/*/invoices/*/refunds", OPERATE),
                        get("/actuator/**", OPERATE)),
                publicPaths);
    }
}
