package io.ledgerline.billing.rating;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.ExactCredits;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Rates one {@link UsageRecorded} with the pure functions of {@link Rating}.
 *
 * <ul>
 *   <li>Gateway usage: tokens at the model's catalogue price is the platform cost; a customer
 *       (partner key with customer billing, or a self-service key) pays the customer charge. A
 *       self-service key whose usage carries no terms is billed at cost (100%, 1 AI credit = 1
 *       cent).
 *   <li>Agent usage (R14): the customer pays prorated call seconds at its price per minute, cost
 *       lines converted with the usage's customer terms (at cost without them) and tool calls at
 *       0.03 credits. The platform cost recorded is the sum of the cost lines. A customer without a
 *       configured price per minute pays nothing for minutes, as the product documents.
 * </ul>
 */
@Component
public class UsageRater {

    private final ModelCatalogue catalogue;
    private final CustomerPricePerMinute pricePerMinute;

    public UsageRater(ModelCatalogue catalogue, CustomerPricePerMinute pricePerMinute) {
        this.catalogue = catalogue;
        this.pricePerMinute = pricePerMinute;
    }

    public RatedUsage rate(UsageRecorded usage) {
        return switch (usage.source()) {
            case GATEWAY -> rateGateway(usage);
            case AGENT_CALL, AGENT_CHAT -> rateAgent(usage);
        };
    }

    private RatedUsage rateGateway(UsageRecorded usage) {
        var price =
                catalogue
                        .find(usage.model())
                        .orElseThrow(
                                () ->
                                        new UnratableUsageException(
                                                CommonRefusal.MODEL_NOT_FOUND,
                                                "no price for model " + usage.model()));
        var cost = Rating.exactPlatformCost(price, usage.tokensIn(), usage.tokensOut());
        if (!billsCustomer(usage)) {
            return new RatedUsage(cost.roundUp(), null);
        }
        var tokens = Math.addExact(usage.tokensIn(), usage.tokensOut());
        var charge = Rating.customerCharge(cost, tokens, termsOf(usage));
        return new RatedUsage(cost.roundUp(), charge);
    }

    private RatedUsage rateAgent(UsageRecorded usage) {
        if (usage.customerId() == null) {
            throw new UnratableUsageException(
                    BillingRefusal.CUSTOMER_REQUIRED,
                    "agent usage names no customer: " + usage.requestId());
        }
        var perMinute = pricePerMinute.of(usage.customerId()).orElse(Credits.ZERO);
        var lines = usage.costLines() == null ? List.<CostLine>of() : usage.costLines();
        var charge =
                Rating.agentUsage(
                        usage.callSeconds(),
                        perMinute,
                        usage.toolCalls(),
                        Rating.DEFAULT_TOOL_CALL_PRICE_UCR,
                        lines,
                        termsOf(usage));
        return new RatedUsage(platformCostOf(lines), charge);
    }

    private static boolean billsCustomer(UsageRecorded usage) {
        if (usage.customerId() == null) {
            return false;
        }
        return usage.customerBilling() != null || usage.budgetReservationId() == null;
    }

    private static CustomerBilling termsOf(UsageRecorded usage) {
        return usage.customerBilling() == null ? Rating.AT_COST : usage.customerBilling();
    }

    private static Credits platformCostOf(List<CostLine> lines) {
        var total = ExactCredits.ZERO;
        for (var line : lines) {
            total = total.plus(ExactCredits.of(line.amountUcr()));
        }
        return total.roundUp();
    }
}
