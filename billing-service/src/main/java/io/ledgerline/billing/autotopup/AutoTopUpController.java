package io.ledgerline.billing.autotopup;

import io.ledgerline.billing.commerce.Owners;
import io.ledgerline.contracts.ledger.AccountId.HolderKind;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * Auto top-up of a customer's AI credits: set and switched off with {@code billing.purchases} (it
 * authorises purchases to come), read with {@code billing.read}.
 */
@RestController
class AutoTopUpController {

    record Settings(BigDecimal thresholdUcr, String planId) {}

    private final AutoTopUps autoTopUps;

    AutoTopUpController(AutoTopUps autoTopUps) {
        this.autoTopUps = autoTopUps;
    }

    @PutMapping("/api/v1/accounts/{accountId}/auto-top-up")
    AutoTopUp set(@PathVariable String accountId, @RequestBody Settings body) {
        return autoTopUps.set(
                Owners.requireKind(accountId, HolderKind.CUSTOMER),
                body.thresholdUcr(),
                body.planId());
    }

    @GetMapping("/api/v1/accounts/{accountId}/auto-top-up")
    AutoTopUp get(@PathVariable String accountId) {
        return autoTopUps.of(Owners.requireKind(accountId, HolderKind.CUSTOMER));
    }

    @DeleteMapping("/api/v1/accounts/{accountId}/auto-top-up")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void off(@PathVariable String accountId) {
        autoTopUps.off(Owners.requireKind(accountId, HolderKind.CUSTOMER));
    }

    @GetMapping("/api/v1/partners/{partnerId}/auto-top-ups")
    List<AutoTopUp> ofPartner(@PathVariable String partnerId) {
        return autoTopUps.ofPartner(partnerId);
    }
}
