package io.ledgerline.billing.entitlements;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's meters and the entitlement check agent runtimes ask before they start something
 * (billing-service/README.md, "Entitlements"). Reading needs {@code billing.read}, checking {@code
 * billing.calls} (security/BillingDoors).
 */
@RestController
@RequestMapping(EntitlementsController.PATH)
class EntitlementsController {

    static final String PATH = "/api/v1/workspaces/{customerId}/entitlements";

    record Allowed(boolean allowed, Resource resource, long quantity, Entitlements.Meter meter) {}

    private final Entitlements entitlements;

    EntitlementsController(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    @GetMapping
    Entitlements.View view(@PathVariable String customerId) {
        return entitlements.view(customerId);
    }

    @PostMapping("/check")
    Allowed check(@PathVariable String customerId, @RequestBody EntitlementCheck body) {
        var check = body.validated();
        var meter =
                entitlements.requireAllowed(
                        customerId, check.resource(), check.quantity(), check.environment());
        return new Allowed(true, check.resource(), check.quantity(), meter);
    }
}
