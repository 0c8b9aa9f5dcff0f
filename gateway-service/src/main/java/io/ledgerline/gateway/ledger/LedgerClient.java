package io.ledgerline.gateway.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's command API (docs/ledger-api.md) as the gateway uses it: reserve a key's budget,
 * reserve a self-service key's deposit, settle and release reservations. Each call carries a
 * command id derived from what it does, so a retry (here, or by a caller retrying its own request)
 * is answered from the ledger's idempotency store and never moves credits twice. Never called on
 * the request path.
 */
@Component
public class LedgerClient {

    static final int MAX_ATTEMPTS = 3;
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    static final Duration RETRY_BACKOFF = Duration.ofMillis(200);

    private final WebClient http;

    public LedgerClient(
            WebClient.Builder builder,
            @Value("${ledgerline.ledger.url:http://localhost:8081/api/v1}") String baseUrl) {
        this.http = builder.baseUrl(baseUrl).build();
    }

    /** Reserves part of a partner's available credits as {@code reservationId}. */
    public void reserve(
            AccountId holder,
            String commandId,
            String reservationId,
            Credits amount,
            String purpose) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commandId", commandId);
        body.put("reservationId", reservationId);
        body.put("amountUcr", amount.ucr());
        body.put(
                "timeoutSeconds",
                io.ledgerline.contracts.ledger.command.ReserveCredits.MAX_TIMEOUT_SECONDS);
        body.put("purpose", purpose);
        body.put("withinGrace", false);
        post("/accounts/" + holder.value() + "/reservations", body);
    }

    public void settle(
            AccountId holder,
            String reservationId,
            String commandId,
            Credits amount,
            String usageId) {
        post(
                "/accounts/" + holder.value() + "/reservations/" + reservationId + "/settlements",
                Map.of("commandId", commandId, "amountUcr", amount.ucr(), "usageId", usageId));
    }

    public void release(AccountId holder, String reservationId, String commandId, String reason) {
        post(
                "/accounts/" + holder.value() + "/reservations/" + reservationId + "/release",
                Map.of("commandId", commandId, "reason", reason));
    }

    /**
     * R9: the fixed 1,000-credit deposit of a customer-created key, reservation key-deposit-{k}.
     */
    public void reserveKeyDeposit(AccountId partner, String commandId, String keyId) {
        post(
                "/accounts/" + partner.value() + "/key-deposits",
                Map.of("commandId", commandId, "keyId", keyId));
    }

    private void post(String path, Map<String, Object> body) {
        http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(
                        response ->
                                response.bodyToMono(JsonNode.class)
                                        .defaultIfEmpty(
                                                com.fasterxml.jackson.databind.node.NullNode
                                                        .instance)
                                        .flatMap(
                                                answer ->
                                                        response.statusCode().is2xxSuccessful()
                                                                ? Mono.just(answer)
                                                                : Mono.error(
                                                                        LedgerRefusal.from(
                                                                                response.statusCode()
                                                                                        .value(),
                                                                                answer))))
                .timeout(CALL_TIMEOUT)
                .retryWhen(
                        Retry.backoff(MAX_ATTEMPTS - 1, RETRY_BACKOFF)
                                .filter(LedgerClient::worthRetrying)
                                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(e -> !(e instanceof LedgerRefusal), LedgerUnavailable::new)
                .block();
    }

    private static boolean worthRetrying(Throwable e) {
        return e instanceof WebClientRequestException
                || e instanceof java.util.concurrent.TimeoutException
                || (e instanceof LedgerRefusal refusal && refusal.status() >= 500);
    }
}
