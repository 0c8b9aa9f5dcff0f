package io.ledgerline.portal.billing;

import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.BillingClient;
import io.ledgerline.portal.downstream.BillingClient.Card;
import io.ledgerline.portal.downstream.BillingViews.PaymentMethod;
import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The Payment Methods tab (R17): the tenant's saved cards; add one, make one the default (charged
 * automatically for new invoices), delete one. The audit log keeps brand and last four digits,
 * never the number.
 */
@RestController
@RequestMapping("/api/portal/billing/payment-methods")
class PaymentMethodsController {

    record NewCard(String number, Integer expMonth, Integer expYear) {

        @Override
        public String toString() {
            return "NewCard[number=****]";
        }
    }

    record Saved(String methodId, String brand, String last4) {

        static Saved of(PaymentMethod method) {
            return new Saved(method.methodId(), method.brand(), method.last4());
        }
    }

    private final BillingAccount account;
    private final BillingClient billing;
    private final Audited audited;

    PaymentMethodsController(BillingAccount account, BillingClient billing, Audited audited) {
        this.account = account;
        this.billing = billing;
        this.audited = audited;
    }

    @GetMapping
    List<PaymentMethod> list(PortalUser user) {
        return billing.methods(account.own(user));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PaymentMethod add(PortalUser user, @RequestBody NewCard body) {
        var owner = account.own(user);
        var card =
                new Card(
                        BillingFields.cardNumber(body.number()),
                        RequestFields.required("card.expMonth", body.expMonth()),
                        RequestFields.required("card.expYear", body.expYear()));
        return audited.call(
                AuditEntry.by(user, AuditAction.PAYMENT_METHOD_ADDED, owner, null, null),
                () -> billing.addMethod(owner, card),
                Saved::of);
    }

    @PostMapping("/{methodId}/default")
    PaymentMethod makeDefault(PortalUser user, @PathVariable String methodId) {
        var owner = account.own(user);
        var method = savedMethod(owner, methodId);
        return audited.call(
                AuditEntry.by(user, AuditAction.PAYMENT_METHOD_MADE_DEFAULT, owner, null, method),
                () -> billing.makeDefault(owner, methodId),
                Saved::of);
    }

    @DeleteMapping("/{methodId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(PortalUser user, @PathVariable String methodId) {
        var owner = account.own(user);
        var method = savedMethod(owner, methodId);
        audited.call(
                AuditEntry.by(user, AuditAction.PAYMENT_METHOD_DELETED, owner, method, null),
                () -> {
                    billing.deleteMethod(owner, methodId);
                    return method;
                },
                deleted -> null);
    }

    /** One of the tenant's own methods, found by reading before any write names it. */
    private Saved savedMethod(String owner, String methodId) {
        BillingFields.id("methodId", methodId);
        return billing.methods(owner).stream()
                .filter(method -> method.methodId().equals(methodId))
                .findFirst()
                .map(Saved::of)
                .orElseThrow(
                        () ->
                                new Refused(
                                        BillingRefusal.PAYMENT_METHOD_NOT_FOUND,
                                        "no saved payment method " + methodId));
    }
}
