package io.ledgerline.gateway.partnerkey;

import java.time.Instant;
import java.util.List;

/** Bodies of the partner key API. Amounts are micro-credits, like the ledger's API. */
final class PartnerKeyRequests {

    private PartnerKeyRequests() {}

    record CreatePartnerKey(
            String commandId,
            String name,
            String description,
            Long budgetUcr,
            List<String> allowedModels,
            CustomerBillingTerms customerBilling,
            AutoTopUpTerms autoTopUp,
            List<String> allowedDomains,
            Integer requestsPerMinute,
            Long tokensPerMinute,
            Instant expiresAt) {}

    /** Price per AI credit in US cents as a decimal string ("1.5"); 1 cent = 1 platform credit. */
    record CustomerBillingTerms(
            String customerId,
            Long profitMultiplierPercent,
            String aiCreditPriceCents,
            Long minCostFloorPerMillionTokensUcr) {}

    record AutoTopUpTerms(Long thresholdUsdCents, Long amountUsdCents) {}

    record TopUp(String commandId, Long amountUcr) {}

    record BudgetPreview(Long budgetUcr) {}

    record BillingPreview(
            String model,
            Long tokensIn,
            Long tokensOut,
            Long profitMultiplierPercent,
            String aiCreditPriceCents,
            Long minCostFloorPerMillionTokensUcr) {}
}
