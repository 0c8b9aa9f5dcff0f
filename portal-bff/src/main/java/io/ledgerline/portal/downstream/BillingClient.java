package io.ledgerline.portal.downstream;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.portal.downstream.BillingViews.AiCreditsTab;
import io.ledgerline.portal.downstream.BillingViews.AutoTopUp;
import io.ledgerline.portal.downstream.BillingViews.Conversation;
import io.ledgerline.portal.downstream.BillingViews.ConversationPage;
import io.ledgerline.portal.downstream.BillingViews.CreditPlan;
import io.ledgerline.portal.downstream.BillingViews.Invoice;
import io.ledgerline.portal.downstream.BillingViews.PaymentMethod;
import io.ledgerline.portal.downstream.BillingViews.Purchase;
import io.ledgerline.portal.downstream.BillingViews.Subscription;
import io.ledgerline.portal.downstream.BillingViews.UsagePage;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * billing-service's commerce API: credit plans (R16), purchases and Quick Buy through its payment
 * provider, payment methods, invoices and subscriptions (R17), the AI Credits tab. Accounts are
 * ledger account ids ({@code customer:<id>}, {@code partner:<id>}); plans belong to a partner id
 * and are shown to a customer id, both without their prefix.
 */
public class BillingClient {

    private static final String ACCOUNT = "/api/v1/accounts/{accountId}";

    /** A card as the person typed it: it goes on to the provider and is kept nowhere here. */
    public record Card(String number, Integer expMonth, Integer expYear) {

        @Override
        public String toString() {
            return "Card[number=****]";
        }
    }

    public record NewPlan(String name, long priceUsdCents, Credits aiCreditsUcr, String interval) {}

    private record NewCard(Card card) {}

    private record Payment(String paymentMethodId) {}

    private record PlanPurchase(String purchaseId, String planId, String paymentMethodId) {}

    private record QuickBuy(String purchaseId, long amountUsdCents, String paymentMethodId) {}

    private record NewSubscription(String subscriptionId, String planId, String paymentMethodId) {}

    private record Visibility(List<String> planIds) {}

    private record AutoTopUpSettings(Credits thresholdUcr, String planId) {}

    private final Downstream billing;

    BillingClient(Downstream billing) {
        this.billing = billing;
    }

    public List<CreditPlan> plansOf(String partnerId) {
        return list(
                "/api/v1/partners/{id}/credit-plans",
                new ParameterizedTypeReference<List<CreditPlan>>() {},
                partnerId);
    }

    public CreditPlan createPlan(String partnerId, NewPlan plan) {
        return post(CreditPlan.class, plan, "/api/v1/partners/{id}/credit-plans", partnerId);
    }

    public CreditPlan archivePlan(String partnerId, String planId) {
        return post(
                CreditPlan.class,
                null,
                "/api/v1/partners/{id}/credit-plans/{plan}/archive",
                partnerId,
                planId);
    }

    public List<CreditPlan> plansVisibleTo(String customerId) {
        return list(
                "/api/v1/customers/{id}/credit-plans",
                new ParameterizedTypeReference<List<CreditPlan>>() {},
                customerId);
    }

    /** {@code null} shows the customer every active plan of its partner. */
    public List<CreditPlan> restrictPlans(String customerId, List<String> planIds) {
        return billing.call(
                rest ->
                        rest.put()
                                .uri("/api/v1/customers/{id}/credit-plan-visibility", customerId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new Visibility(planIds))
                                .retrieve()
                                .body(new ParameterizedTypeReference<List<CreditPlan>>() {}));
    }

    public List<PaymentMethod> methods(String accountId) {
        return list(
                ACCOUNT + "/payment-methods",
                new ParameterizedTypeReference<List<PaymentMethod>>() {},
                accountId);
    }

    public PaymentMethod addMethod(String accountId, Card card) {
        return post(
                PaymentMethod.class, new NewCard(card), ACCOUNT + "/payment-methods", accountId);
    }

    public PaymentMethod makeDefault(String accountId, String methodId) {
        return post(
                PaymentMethod.class,
                null,
                ACCOUNT + "/payment-methods/{method}/default",
                accountId,
                methodId);
    }

    public void deleteMethod(String accountId, String methodId) {
        billing.call(
                rest ->
                        rest.delete()
                                .uri(ACCOUNT + "/payment-methods/{method}", accountId, methodId)
                                .retrieve()
                                .toBodilessEntity());
    }

    public List<Invoice> invoices(String accountId) {
        return list(
                ACCOUNT + "/invoices",
                new ParameterizedTypeReference<List<Invoice>>() {},
                accountId);
    }

    public Invoice invoice(String accountId, String invoiceId) {
        return billing.call(
                rest ->
                        rest.get()
                                .uri(ACCOUNT + "/invoices/{invoice}", accountId, invoiceId)
                                .retrieve()
                                .body(Invoice.class));
    }

    public Invoice payInvoice(String accountId, String invoiceId, String methodId) {
        return post(
                Invoice.class,
                new Payment(methodId),
                ACCOUNT + "/invoices/{invoice}/pay",
                accountId,
                invoiceId);
    }

    public byte[] invoicePdf(String accountId, String invoiceId) {
        return billing.call(
                rest ->
                        rest.get()
                                .uri(ACCOUNT + "/invoices/{invoice}/pdf", accountId, invoiceId)
                                .accept(MediaType.APPLICATION_PDF)
                                .retrieve()
                                .body(byte[].class));
    }

    /** The hosted page of an invoice, by the path billing gave it ({@link Invoice#hostedPath}). */
    public String hostedPage(String hostedPath) {
        return billing.call(
                rest ->
                        rest.get()
                                .uri(hostedPath)
                                .accept(MediaType.TEXT_HTML)
                                .retrieve()
                                .body(String.class));
    }

    public List<Purchase> purchases(String accountId) {
        return list(
                ACCOUNT + "/purchases",
                new ParameterizedTypeReference<List<Purchase>>() {},
                accountId);
    }

    public Purchase buyPlan(String accountId, String purchaseId, String planId, String methodId) {
        return post(
                Purchase.class,
                new PlanPurchase(purchaseId, planId, methodId),
                ACCOUNT + "/purchases",
                accountId);
    }

    public Purchase quickBuy(String accountId, String purchaseId, long cents, String methodId) {
        return post(
                Purchase.class,
                new QuickBuy(purchaseId, cents, methodId),
                ACCOUNT + "/quick-buy",
                accountId);
    }

    public List<Subscription> subscriptions(String accountId) {
        return list(
                ACCOUNT + "/subscriptions",
                new ParameterizedTypeReference<List<Subscription>>() {},
                accountId);
    }

    public Subscription subscription(String accountId, String subscriptionId) {
        return billing.call(
                rest ->
                        rest.get()
                                .uri(ACCOUNT + "/subscriptions/{id}", accountId, subscriptionId)
                                .retrieve()
                                .body(Subscription.class));
    }

    public Subscription subscribe(
            String accountId, String subscriptionId, String planId, String methodId) {
        return post(
                Subscription.class,
                new NewSubscription(subscriptionId, planId, methodId),
                ACCOUNT + "/subscriptions",
                accountId);
    }

    public Subscription cancelSubscription(String accountId, String subscriptionId) {
        return post(
                Subscription.class,
                null,
                ACCOUNT + "/subscriptions/{id}/cancel",
                accountId,
                subscriptionId);
    }

    public AiCreditsTab aiCredits(String accountId) {
        return billing.call(
                rest ->
                        rest.get()
                                .uri(ACCOUNT + "/ai-credits", accountId)
                                .retrieve()
                                .body(AiCreditsTab.class));
    }

    /** R21: a customer's auto top-up; billing refuses {@code AUTO_TOP_UP_NOT_SET} when off. */
    public AutoTopUp autoTopUp(String customerAccountId) {
        return billing.call(
                rest ->
                        rest.get()
                                .uri(ACCOUNT + "/auto-top-up", customerAccountId)
                                .retrieve()
                                .body(AutoTopUp.class));
    }

    public AutoTopUp setAutoTopUp(String customerAccountId, Credits thresholdUcr, String planId) {
        return billing.call(
                rest ->
                        rest.put()
                                .uri(ACCOUNT + "/auto-top-up", customerAccountId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new AutoTopUpSettings(thresholdUcr, planId))
                                .retrieve()
                                .body(AutoTopUp.class));
    }

    public void autoTopUpOff(String customerAccountId) {
        billing.call(
                rest ->
                        rest.delete()
                                .uri(ACCOUNT + "/auto-top-up", customerAccountId)
                                .retrieve()
                                .toBodilessEntity());
    }

    /** The customer's metered sessions that started in [from, to), newest first. */
    public ConversationPage conversations(
            String customerId, Instant from, Instant to, int page, int size) {
        return billing.call(
                rest ->
                        rest.get()
                                .uri(
                                        "/api/v1/conversations?customerId={c}&from={f}&to={t}"
                                                + "&page={p}&size={s}",
                                        customerId,
                                        from.toString(),
                                        to.toString(),
                                        page,
                                        size)
                                .retrieve()
                                .body(ConversationPage.class));
    }

    /** The customer's billed uses, newest first, one page. */
    public UsagePage usage(String customerId, int page, int size) {
        return billing.call(
                rest ->
                        rest.get()
                                .uri(
                                        "/api/v1/usage?customerId={c}&page={p}&size={s}",
                                        customerId,
                                        page,
                                        size)
                                .retrieve()
                                .body(UsagePage.class));
    }

    /** Any customer's session by its id: the caller checks whose it is. */
    public Conversation conversation(String callId) {
        return billing.call(
                rest ->
                        rest.get()
                                .uri("/api/v1/conversations/{id}", callId)
                                .retrieve()
                                .body(Conversation.class));
    }

    private <T> T list(String path, ParameterizedTypeReference<T> type, Object... variables) {
        return billing.call(rest -> rest.get().uri(path, variables).retrieve().body(type));
    }

    private <T> T post(Class<T> type, Object body, String path, Object... variables) {
        return billing.call(
                rest -> {
                    var request =
                            rest.post()
                                    .uri(path, variables)
                                    .contentType(MediaType.APPLICATION_JSON);
                    if (body != null) {
                        request.body(body);
                    }
                    return request.retrieve().body(type);
                });
    }
}
