package io.ledgerline.portal.billing;

import io.ledgerline.portal.downstream.BillingClient;
import io.ledgerline.portal.downstream.BillingViews.Invoice;
import io.ledgerline.portal.downstream.BillingViews.Purchase;
import io.ledgerline.portal.downstream.BillingViews.Subscription;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The Billing section of a customer's Manage panel: what the customer was billed and bought. */
@RestController
class CustomerBillingController {

    record CustomerBilling(
            String accountId,
            List<Invoice> invoices,
            List<Subscription> subscriptions,
            List<Purchase> purchases) {}

    private final BillingAccount account;
    private final BillingClient billing;

    CustomerBillingController(BillingAccount account, BillingClient billing) {
        this.account = account;
        this.billing = billing;
    }

    @GetMapping("/api/portal/partner/customers/{accountId}/billing")
    CustomerBilling billing(PortalUser user, @PathVariable String accountId) {
        var customer = account.customerOf(user, accountId);
        return new CustomerBilling(
                customer,
                billing.invoices(customer),
                billing.subscriptions(customer),
                billing.purchases(customer));
    }
}
