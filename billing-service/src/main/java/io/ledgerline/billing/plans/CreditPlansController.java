package io.ledgerline.billing.plans;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Credit plans (R16): a partner defines and archives them ({@code billing.plans}) and restricts
 * which a customer sees; a customer lists those it may buy ({@code billing.read}).
 */
@RestController
class CreditPlansController {

    record Visibility(List<String> planIds) {}

    private final CreditPlans plans;

    CreditPlansController(CreditPlans plans) {
        this.plans = plans;
    }

    @PostMapping("/api/v1/partners/{partnerId}/credit-plans")
    @ResponseStatus(HttpStatus.CREATED)
    CreditPlan create(@PathVariable String partnerId, @RequestBody NewPlan body) {
        return plans.create(partnerId, body);
    }

    @GetMapping("/api/v1/partners/{partnerId}/credit-plans")
    List<CreditPlan> ofPartner(@PathVariable String partnerId) {
        return plans.ofPartner(partnerId);
    }

    @PostMapping("/api/v1/partners/{partnerId}/credit-plans/{planId}/archive")
    CreditPlan archive(@PathVariable String partnerId, @PathVariable String planId) {
        return plans.archive(partnerId, planId);
    }

    /** {@code {"planIds": [...]}} restricts, {@code {"planIds": null}} shows every active plan. */
    @PutMapping("/api/v1/customers/{customerId}/credit-plan-visibility")
    List<CreditPlan> restrict(@PathVariable String customerId, @RequestBody Visibility body) {
        return plans.restrictVisibility(customerId, body.planIds());
    }

    @GetMapping("/api/v1/customers/{customerId}/credit-plans")
    List<CreditPlan> visible(@PathVariable String customerId) {
        return plans.visibleTo(customerId);
    }
}
