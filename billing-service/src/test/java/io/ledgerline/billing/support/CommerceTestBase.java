package io.ledgerline.billing.support;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.topics.Topics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * Commerce over HTTP: plans, payment methods, purchases and invoices, with the built-in payment
 * provider delivering its signed events to billing's webhook and the fake ledger keeping balances.
 */
public abstract class CommerceTestBase extends BillingIntegrationTest {

    public static final long CREDIT = 1_000_000;
    public static final String VISA_SUCCEEDS = "4242 4242 4242 4242";
    public static final String DECLINED = "4000 0000 0000 0002";
    public static final String INSUFFICIENT_FUNDS = "4000 0000 0000 9995";
    public static final String PROCESSING_ERROR = "4000 0000 0000 0119";

    @Autowired protected TestRestTemplate http;

    /** A customer of a new partner, opened in the ledger and known to billing. */
    protected String customerOf(String partner) {
        var customer = unique("c");
        var header =
                new EventHeader(
                        UUID.randomUUID().toString(),
                        AccountId.customer(customer),
                        0,
                        unique("cmd"),
                        Instant.now(),
                        "0".repeat(64));
        publish(
                Topics.LEDGER_EVENTS.name(),
                "customer:" + customer,
                "AccountOpened",
                ContractJson.toBytes(new AccountOpened(header, partner)));
        eventually()
                .until(
                        () ->
                                !jdbc.queryForList(
                                                "SELECT 1 FROM billing.customer_partners"
                                                        + " WHERE customer_id = ?",
                                                customer)
                                        .isEmpty());
        LEDGER.fund("customer:" + customer, 0, 0);
        return customer;
    }

    protected String plan(String partner, String name, long priceCents, long credits) {
        var created =
                send(
                        HttpMethod.POST,
                        "/api/v1/partners/" + partner + "/credit-plans",
                        """
                        {"name":"%s","priceUsdCents":%d,"aiCreditsUcr":%d}"""
                                .formatted(name, priceCents, credits * CREDIT));
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("plan not created: " + created.getBody());
        }
        return created.getBody().path("planId").asText();
    }

    /** Saves a card for the account (customer:… or partner:…); answers the method id. */
    protected String card(String account, String number) {
        var added =
                send(
                        HttpMethod.POST,
                        "/api/v1/accounts/" + account + "/payment-methods",
                        """
                        {"card":{"number":"%s","expMonth":12,"expYear":2099}}"""
                                .formatted(number));
        if (added.getStatusCode().value() != 201) {
            throw new AssertionError("card not saved: " + added.getBody());
        }
        return added.getBody().path("methodId").asText();
    }

    protected ResponseEntity<JsonNode> buy(String customer, String purchaseId, String planId) {
        return send(
                HttpMethod.POST,
                "/api/v1/accounts/customer:" + customer + "/purchases",
                """
                {"purchaseId":"%s","planId":"%s"}"""
                        .formatted(purchaseId, planId));
    }

    protected ResponseEntity<JsonNode> purchase(String account, String purchaseId) {
        return send(
                HttpMethod.GET, "/api/v1/accounts/" + account + "/purchases/" + purchaseId, null);
    }

    protected JsonNode awaitPurchase(String account, String purchaseId, String status) {
        eventually()
                .until(
                        () ->
                                status.equals(
                                        purchase(account, purchaseId)
                                                .getBody()
                                                .path("status")
                                                .asText()));
        return purchase(account, purchaseId).getBody();
    }

    protected JsonNode invoice(String account, String invoiceId) {
        return send(HttpMethod.GET, "/api/v1/accounts/" + account + "/invoices/" + invoiceId, null)
                .getBody();
    }

    protected ResponseEntity<JsonNode> payInvoice(String account, String invoiceId, String method) {
        return send(
                HttpMethod.POST,
                "/api/v1/accounts/" + account + "/invoices/" + invoiceId + "/pay",
                "{\"paymentMethodId\":\"" + method + "\"}");
    }

    /** The provider's events about the intent that collects this invoice, oldest first. */
    protected java.util.List<String> providerEventsOf(String invoiceId) {
        return jdbc.queryForList(
                "SELECT e.event_id FROM billing.provider_events e JOIN"
                        + " billing.provider_payment_intents i ON e.payload LIKE '%' ||"
                        + " i.intent_id || '%' WHERE i.reference = ? ORDER BY e.created_at",
                String.class, invoiceId);
    }

    protected void awaitDelivered(String eventId) {
        eventually()
                .until(
                        () ->
                                jdbc.queryForObject(
                                        "SELECT delivered_at IS NOT NULL FROM"
                                                + " billing.provider_events WHERE event_id = ?",
                                        Boolean.class,
                                        eventId));
    }

    protected ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return send(method, path, body, null);
    }

    /** With this {@code Authorization} header; null for the test client's full token. */
    protected ResponseEntity<JsonNode> send(
            HttpMethod method, String path, String body, String authorization) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    protected static String code(ResponseEntity<JsonNode> response) {
        return response.getBody() == null ? null : response.getBody().path("code").asText();
    }
}
