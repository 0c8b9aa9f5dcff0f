package io.ledgerline.billing.purchases;

import io.ledgerline.billing.commerce.Owners;
import io.ledgerline.contracts.ledger.AccountId.HolderKind;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * Buying credits ({@code billing.purchases}): a customer buys a credit plan (R16), a partner Quick
 * Buys platform credits. Both answer 202: the credits follow the provider's event.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
class PurchasesController {

    record PlanPurchase(String purchaseId, String planId, String paymentMethodId) {}

    record QuickBuy(String purchaseId, BigDecimal amountUsdCents, String paymentMethodId) {}

    private final Purchasing purchasing;

    PurchasesController(Purchasing purchasing) {
        this.purchasing = purchasing;
    }

    @PostMapping("/purchases")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Purchase buyPlan(@PathVariable String accountId, @RequestBody PlanPurchase body) {
        return purchasing.buyPlan(
                Owners.requireKind(accountId, HolderKind.CUSTOMER),
                body.purchaseId(),
                body.planId(),
                body.paymentMethodId());
    }

    @PostMapping("/quick-buy")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Purchase quickBuy(@PathVariable String accountId, @RequestBody QuickBuy body) {
        return purchasing.quickBuy(
                Owners.requireKind(accountId, HolderKind.PARTNER),
                body.purchaseId(),
                body.amountUsdCents(),
                body.paymentMethodId());
    }

    @GetMapping("/purchases")
    List<Purchase> list(@PathVariable String accountId) {
        return purchasing.of(Owners.require(accountId));
    }

    @GetMapping("/purchases/{purchaseId}")
    Purchase one(@PathVariable String accountId, @PathVariable String purchaseId) {
        return purchasing.one(Owners.require(accountId), purchaseId);
    }
}
