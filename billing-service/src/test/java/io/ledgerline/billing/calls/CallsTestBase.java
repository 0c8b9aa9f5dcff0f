package io.ledgerline.billing.calls;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.billing.support.BillingIntegrationTest;
import io.ledgerline.billing.support.TestClock;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.money.Credits;
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

/** The admission API over HTTP, customers' terms over Kafka, money in the fake ledger. */
abstract class CallsTestBase extends BillingIntegrationTest {

    static final long CREDIT = 1_000_000;
    static final String PARTNER = "p-calls";
    static final long PRICE_PER_MINUTE = 12 * CREDIT;
    static final long GRACE_SECONDS = 30;

    /** 12 credits a minute × 30 s / 60. */
    static final long GRACE_ALLOWANCE = 6 * CREDIT;

    @Autowired TestRestTemplate http;
    @Autowired TestClock clock;
    @Autowired CallSweeper sweeper;

    /** A customer with AI credits, the test price and grace, and {@code balance} to spend. */
    String customerWith(long balance) {
        var customer = unique("c");
        configure(customer, PARTNER, true, PRICE_PER_MINUTE, GRACE_SECONDS);
        LEDGER.fund("customer:" + customer, balance, GRACE_ALLOWANCE);
        return customer;
    }

    /** The customer's account opened for {@code partner}, and its AI-credit terms. */
    void configure(
            String customer,
            String partner,
            boolean enabled,
            long pricePerMinute,
            long graceSeconds) {
        open(customer, partner);
        var header =
                new EventHeader(
                        UUID.randomUUID().toString(),
                        AccountId.customer(customer),
                        1,
                        unique("cmd"),
                        Instant.now(),
                        "prev");
        var event =
                new AiCreditsConfigured(
                        header,
                        enabled,
                        Credits.ofMicros(pricePerMinute),
                        graceSeconds,
                        Credits.ofCredits(100),
                        true);
        publish(
                Topics.LEDGER_EVENTS.name(),
                "customer:" + customer,
                "AiCreditsConfigured",
                ContractJson.toBytes(event));
        eventually()
                .until(
                        () ->
                                !jdbc.queryForList(
                                                "SELECT 1 FROM billing.customer_ai_terms"
                                                        + " WHERE customer_id = ?",
                                                customer)
                                        .isEmpty());
    }

    /** AccountOpened for the customer, as the ledger publishes it; waits until billing knows. */
    void open(String customer, String partner) {
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
    }

    ResponseEntity<JsonNode> start(String callId, String customer) {
        return start(callId, customer, PARTNER, "VOICE");
    }

    ResponseEntity<JsonNode> start(String callId, String customer, String partner, String channel) {
        return post(
                "/api/v1/calls",
                """
                {"callId":"%s","customerId":"%s","partnerId":"%s","agentId":"agent-1",
                 "channel":"%s"}"""
                        .formatted(callId, customer, partner, channel));
    }

    ResponseEntity<JsonNode> extend(String callId, long sequence) {
        return post("/api/v1/calls/" + callId + "/extend", "{\"sequence\":" + sequence + "}");
    }

    ResponseEntity<JsonNode> end(
            String callId, long sequence, long seconds, long toolCalls, long llmUcr) {
        return post(
                "/api/v1/calls/" + callId + "/end",
                """
                {"sequence":%d,"durationSeconds":%d,"toolCalls":%d,
                 "costLines":[{"kind":"LLM","amountUcr":%d}]}"""
                        .formatted(sequence, seconds, toolCalls, llmUcr));
    }

    /** As an agent runtime, with a token holding every billing scope. */
    ResponseEntity<JsonNode> post(String path, String body) {
        return post(path, body, null);
    }

    /** With this {@code Authorization} header; null for the test client's full token. */
    ResponseEntity<JsonNode> post(String path, String body, String authorization) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.exchange(
                path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    static String code(ResponseEntity<JsonNode> response) {
        return response.getBody() == null ? null : response.getBody().path("code").asText();
    }
}
