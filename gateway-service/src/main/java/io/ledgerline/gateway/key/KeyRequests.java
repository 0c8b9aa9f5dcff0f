package io.ledgerline.gateway.key;

import java.time.Instant;
import java.util.List;

/** Bodies of the key management API. Amounts are micro-credits, like the ledger's API. */
public final class KeyRequests {

    private KeyRequests() {}

    public record CreatePartnerKey(
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
    public record CustomerBillingTerms(
            String customerId,
            Long profitMultiplierPercent,
            String aiCreditPriceCents,
            Long minCostFloorPerMillionTokensUcr) {}

    public record AutoTopUpTerms(Long thresholdUsdCents, Long amountUsdCents) {}

    public record CreateCustomerKey(String commandId, String name, List<String> allowedModels) {}

    public record TopUp(String commandId, Long amountUcr) {}

    public record KeyCommand(String commandId) {}

    public record BudgetPreview(Long budgetUcr) {}

    public record BillingPreview(
            String model,
            Long tokensIn,
            Long tokensOut,
            Long profitMultiplierPercent,
            String aiCreditPriceCents,
            Long minCostFloorPerMillionTokensUcr) {}

    public record Settings(
            String tier,
            Boolean selfServiceEnabled,
            Boolean applyToNewCustomers,
            Boolean applyToExistingCustomers,
            Long defaultProfitMultiplierPercent,
            String aiCreditPriceCents) {}
}
