package io.ledgerline.gateway.ledger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.gateway.security.ServiceTokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * The ledger's command API (docs/ledger-api.md) as the gateway uses it: reserve a key's budget,
 * reserve a self-service key's deposit, settle and release reservations, each sent as its {@code
 * contracts} command record. Each call carries a command id derived from what it does, so a retry
 * (here, or by a caller retrying its own request) is answered from the ledger's idempotency store
 * and never moves credits twice. Each call carries the gateway's own service token. Never called on
 * the request path.
 */
@Component
public class LedgerClient {

    static final int MAX_ATTEMPTS = 3;
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    static final Duration RETRY_BACKOFF = Duration.ofMillis(200);

    private static final ObjectMapper WIRE =
            JsonMapper.builder()
                    .addMixIn(ReserveCredits.class, AccountInPath.class)
                    .addMixIn(ReserveKeyDeposit.class, AccountInPath.class)
                    .addMixIn(SettleReservation.class, ReservationInPath.class)
                    .addMixIn(ReleaseReservation.class, ReservationInPath.class)
                    .build();

    @JsonIgnoreProperties({"accountId"})
    private interface AccountInPath {}

    @JsonIgnoreProperties({"accountId", "reservationId"})
    private interface ReservationInPath {}

    private final WebClient http;

    public LedgerClient(
            WebClient.Builder builder,
            ServiceTokens tokens,
            @Value("${ledgerline.ledger.url:http://localhost:8081/api/v1}") String baseUrl) {
        this.http = builder.baseUrl(baseUrl).filter(tokens).build();
    }

    /** Reserves part of a partner's available credits as {@code reservationId}. */
    public void reserve(ReserveCredits command) {
        post("/accounts/" + command.accountId().value() + "/reservations", command);
    }

    public void settle(SettleReservation command) {
        post(
                reservationPath(command.accountId(), command.reservationId()) + "/settlements",
                command);
    }

    public void release(ReleaseReservation command) {
        post(reservationPath(command.accountId(), command.reservationId()) + "/release", command);
    }

    /**
     * R9: the fixed 1,000-credit deposit of a customer-created key, reservation key-deposit-{k}.
     */
    public void reserveKeyDeposit(ReserveKeyDeposit command) {
        post("/accounts/" + command.accountId().value() + "/key-deposits", command);
    }

    private static String reservationPath(AccountId holder, String reservationId) {
        return "/accounts/" + holder.value() + "/reservations/" + reservationId;
    }

    /** The body as the ledger's API reads it: the fields its path carries are left out. */
    static byte[] wire(LedgerCommand command) {
        try {
            return WIRE.writeValueAsBytes(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + command, e);
        }
    }

    private void post(String path, LedgerCommand command) {
        http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(wire(command))
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

    /**
     * A 401 means the ledger no longer accepts the gateway's token (it expired in flight, or the
     * authorization server's keys changed); it has been dropped, so a retry asks for a fresh one.
     */
    private static boolean worthRetrying(Throwable e) {
        return e instanceof WebClientRequestException
                || e instanceof java.util.concurrent.TimeoutException
                || (e instanceof LedgerRefusal refusal
                        && (refusal.status() >= 500 || refusal.status() == 401));
    }
}
