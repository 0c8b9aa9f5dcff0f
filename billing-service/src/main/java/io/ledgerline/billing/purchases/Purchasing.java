package io.ledgerline.billing.purchases;

import io.ledgerline.billing.commerce.UsdPrices;
import io.ledgerline.billing.invoices.Invoice;
import io.ledgerline.billing.invoices.Invoices;
import io.ledgerline.billing.methods.PaymentMethods;
import io.ledgerline.billing.payments.PaymentOutcome;
import io.ledgerline.billing.plans.CreditPlans;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.money.UsdCents;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Buying credits: a purchase is checked (nothing is created for bad input), issued as an open
 * invoice, and paid with a saved method; its credits are granted only when the provider's event
 * says the payment succeeded ({@link CreditGrant}). Purchases are idempotent on the id the caller
 * chose: the same request again answers the first answer and charges nothing more.
 */
@Service
public class Purchasing {

    private final CreditPlans plans;
    private final PaymentMethods methods;
    private final Invoices invoices;
    private final PurchaseStore purchases;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Purchasing(
            CreditPlans plans,
            PaymentMethods methods,
            Invoices invoices,
            PurchaseStore purchases,
            TransactionTemplate transactions,
            Clock clock) {
        this.plans = plans;
        this.methods = methods;
        this.invoices = invoices;
        this.purchases = purchases;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A customer buys one of the credit plans it may see (R16). */
    public Purchase buyPlan(AccountId owner, String purchaseId, String planId, String methodId) {
        requireId(purchaseId, "purchaseId");
        requireId(planId, "planId");
        var fingerprint = "plan " + planId + " " + methodId;
        var replayed = replay(owner, purchaseId, fingerprint);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        var plan = plans.purchasable(owner.holderId(), planId);
        var method = methods.chargeable(owner, methodId);
        var order =
                new Order(
                        Purchase.Kind.CREDIT_PLAN,
                        plan.planId(),
                        plan.aiCreditsUcr(),
                        plan.priceUsdCents(),
                        "Credit plan \"" + plan.name() + "\" (purchase " + purchaseId + ")",
                        Invoice.Line.of(plan.name() + " (AI credits)", 1, plan.priceUsdCents()));
        return start(owner, purchaseId, fingerprint, order, method);
    }

    /** A partner buys platform credits, 100 credits for 1.00 USD (Quick Buy). */
    Purchase quickBuy(
            AccountId owner, String purchaseId, java.math.BigDecimal usdCents, String methodId) {
        requireId(purchaseId, "purchaseId");
        long cents = UsdPrices.requireCents(usdCents, "amountUsdCents");
        var fingerprint = "quick-buy " + cents + " " + methodId;
        var replayed = replay(owner, purchaseId, fingerprint);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        var method = methods.chargeable(owner, methodId);
        var order =
                new Order(
                        Purchase.Kind.QUICK_BUY,
                        null,
                        UsdCents.toPlatformCredits(cents).ucr(),
                        cents,
                        "Quick Buy $" + UsdPrices.dollars(cents) + " (purchase " + purchaseId + ")",
                        Invoice.Line.of(
                                "Platform credits (Quick Buy)",
                                Math.multiplyExact(cents, UsdCents.CREDITS_PER_CENT),
                                1));
        return start(owner, purchaseId, fingerprint, order, method);
    }

    Purchase one(AccountId owner, String purchaseId) {
        return purchases
                .find(purchaseId)
                .map(PurchaseStore.Stored::purchase)
                .filter(purchase -> purchase.owner().equals(owner.value()))
                .orElseThrow(
                        () ->
                                new Refused(
                                        BillingRefusal.PURCHASE_NOT_FOUND,
                                        owner + " has no purchase " + purchaseId));
    }

    List<Purchase> of(AccountId owner) {
        return purchases.of(owner.value());
    }

    private record Order(
            Purchase.Kind kind,
            String planId,
            long creditsUcr,
            long priceUsdCents,
            String note,
            Invoice.Line line) {}

    private Purchase start(
            AccountId owner, String purchaseId, String fingerprint, Order order, String method) {
        Purchase purchase;
        try {
            purchase =
                    transactions.execute(
                            status -> {
                                var invoice = invoices.issue(owner, List.of(order.line()));
                                var created =
                                        new Purchase(
                                                purchaseId,
                                                owner.value(),
                                                order.kind(),
                                                order.planId(),
                                                order.creditsUcr(),
                                                order.priceUsdCents(),
                                                invoice.invoiceId(),
                                                Purchase.Status.AWAITING_PAYMENT,
                                                null,
                                                clock.instant(),
                                                null);
                                purchases.insert(created, fingerprint, order.note());
                                return created;
                            });
        } catch (DuplicateKeyException concurrent) {
            return replay(owner, purchaseId, fingerprint).orElseThrow(() -> concurrent);
        }
        invoices.pay(owner, purchase.invoiceId(), method);
        return one(owner, purchaseId);
    }

    /**
     * The answer to a purchase id seen before: the same request answers as the first time did (a
     * failed payment is refused again, without charging), another request under it is a conflict.
     */
    private Optional<Purchase> replay(AccountId owner, String purchaseId, String fingerprint) {
        var stored = purchases.find(purchaseId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        var purchase = stored.get().purchase();
        if (!purchase.owner().equals(owner.value())
                || !stored.get().fingerprint().equals(fingerprint)) {
            throw Refused.field(
                    Rejection.EXISTS_WITH_DIFFERENT_PAYLOAD,
                    "purchaseId",
                    "purchase " + purchaseId + " was made before with other details");
        }
        var invoice = invoices.one(owner, purchase.invoiceId());
        if (invoice.status() == Invoice.Status.OPEN) {
            if (invoice.lastPaymentError() != null) {
                throw Invoices.refusal(
                        invoice.invoiceId(), PaymentOutcome.valueOf(invoice.lastPaymentError()));
            }
            if (invoice.paymentIntentId() == null) {
                // The first request stopped before paying: this one finishes it.
                invoices.pay(owner, invoice.invoiceId(), methodOf(fingerprint));
            }
        }
        return Optional.of(one(owner, purchaseId));
    }

    private static String methodOf(String fingerprint) {
        var method = fingerprint.substring(fingerprint.lastIndexOf(' ') + 1);
        return method.equals("null") ? null : method;
    }

    private static void requireId(String id, String field) {
        if (id == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, field, field + " is required");
        }
        if (!Ids.isSafe(id)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    field,
                    field + " must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }
}
