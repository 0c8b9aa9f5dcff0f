package io.ledgerline.portal.downstream;

import io.ledgerline.contracts.money.Credits;

import java.time.Instant;
import java.util.List;

/**
 * The parts of billing-service's answers the portal shows. Prices are whole USD cents, AI and
 * platform credits micro-credits.
 */
public final class BillingViews {

    private BillingViews() {}

    public record CreditPlan(
            String planId,
            String name,
            long priceUsdCents,
            Credits aiCreditsUcr,
            String status,
            String interval,
            Instant createdAt) {}

    public record PaymentMethod(
            String methodId,
            String brand,
            String last4,
            int expMonth,
            int expYear,
            boolean isDefault,
            Instant createdAt) {}

    public record InvoiceLine(
            String description, long quantity, long unitAmountCents, long amountCents) {}

    /** {@code hostedPath} is billing's own link; the portal serves the page under its own path. */
    public record Invoice(
            String invoiceId,
            String number,
            String status,
            String currency,
            List<InvoiceLine> lines,
            long totalCents,
            long amountPaidCents,
            long amountDueCents,
            long amountRefundedCents,
            String lastPaymentError,
            Instant createdAt,
            Instant paidAt,
            String hostedPath) {}

    public record Purchase(
            String purchaseId,
            String kind,
            String planId,
            Credits creditsUcr,
            long priceUsdCents,
            String invoiceId,
            String status,
            String grantRefusal,
            Instant createdAt,
            Instant creditedAt) {}

    public record Subscription(
            String subscriptionId,
            String planId,
            String planName,
            long priceUsdCents,
            Credits allocationUcr,
            String interval,
            String status,
            int periodNo,
            Instant currentPeriodStart,
            Instant currentPeriodEnd,
            Instant nextBillingAt,
            boolean cancelAtPeriodEnd,
            Instant canceledAt,
            String latestInvoiceId,
            Instant createdAt) {}

    public record AiCreditsTab(
            String accountId,
            Credits balanceUcr,
            Credits reservedUcr,
            String subscriptionId,
            Credits monthlyAllocationUcr,
            Instant periodStart,
            Instant periodEnd,
            Credits usedThisPeriodUcr,
            List<CreditTransfer> recentTransactions) {}

    public record CreditTransfer(
            String eventId,
            String type,
            Credits amountUcr,
            Credits balanceAfterUcr,
            String note,
            Instant occurredAt) {}

    /**
     * One metered agent session (a call or chat). Credits are the payer's micro-credits: {@code
     * chargeUcr} = settled (from its holds) + metered (beyond them) + uncollected.
     */
    public record Conversation(
            String callId,
            String customerId,
            String agentId,
            String channel,
            String status,
            Instant startedAt,
            Instant endedAt,
            Long durationSeconds,
            Long toolCalls,
            List<CostLine> costLines,
            Credits chargeUcr,
            Credits settledUcr,
            Credits meteredUcr,
            Credits uncollectedUcr) {}

    public record CostLine(String kind, Credits amountUcr) {}

    public record ConversationPage(
            Instant from, Instant to, int page, int size, long total, List<Conversation> items) {}

    /** One billed use of Detailed Usage; {@code customerChargeUcr} null when it was not billed. */
    public record UsageUse(
            String requestId,
            String source,
            long tokensIn,
            long tokensOut,
            long callSeconds,
            long toolCalls,
            Credits customerChargeUcr,
            String status,
            Instant occurredAt) {}

    public record UsagePage(int page, int size, long total, List<UsageUse> items) {}

    /**
     * A customer's auto top-up (R21): below {@code thresholdUcr} billing buys {@code planId} once.
     * {@code status} ARMED or WAITING (bought for this crossing) is on; FAILED stopped it, {@code
     * failureCode} saying why.
     */
    public record AutoTopUp(
            String customerId,
            String partnerId,
            Credits thresholdUcr,
            String planId,
            String status,
            String failureCode,
            Instant updatedAt,
            List<TopUpCharge> recentCharges) {}

    /** One automatic purchase, for one crossing below the threshold. */
    public record TopUpCharge(
            String chargeId,
            String planId,
            Credits balanceUcr,
            Credits thresholdUcr,
            String status,
            int attempts,
            String failureCode,
            Instant createdAt) {}
}
