package io.ledgerline.billing.aicredits;

import io.ledgerline.billing.commerce.Owners;
import io.ledgerline.contracts.ledger.AccountId.HolderKind;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The portal's AI Credits tab (R17), {@code billing.read}. */
@RestController
class AiCreditsController {

    private final AiCreditsTabs tabs;

    AiCreditsController(AiCreditsTabs tabs) {
        this.tabs = tabs;
    }

    @GetMapping("/api/v1/accounts/{accountId}/ai-credits")
    AiCreditsTab tab(@PathVariable String accountId) {
        return tabs.of(Owners.requireKind(accountId, HolderKind.CUSTOMER));
    }
}
