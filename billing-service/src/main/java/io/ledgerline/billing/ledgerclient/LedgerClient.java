package io.ledgerline.billing.ledgerclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends usage commands to the ledger's REST API (docs/ledger-api.md). Every command carries a
 * commandId the caller derives from the usage, so sending it again is harmless: the ledger answers
 * a repeated commandId with its first answer.
 */
@Component
@EnableConfigurationProperties(LedgerProperties.class)
public class LedgerClient {

    static final String USAGE_PATH = "/accounts/{accountId}/usage";
    static final String SETTLEMENTS_PATH =
            "/accounts/{accountId}/reservations/{reservationId}/settlements";
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int REQUEST_TIMEOUT = 408;

    private final RestClient http;
    private final ObjectMapper json;

    public LedgerClient(LedgerProperties properties, ObjectMapper json) {
        var client =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofMillis(properties.connectTimeoutMs()))
                        .build();
        var requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofMillis(properties.readTimeoutMs()));
        this.http = RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
        this.json = json;
    }

    /** {@code MeterUsage}: charges rated usage to an account. */
    public LedgerAnswer meterUsage(
            AccountId account,
            String commandId,
            Credits amount,
            String usageId,
            String description) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commandId", commandId);
        body.put("amountUcr", amount.ucr());
        body.put("usageId", usageId);
        body.put("description", description);
        return post(commandId, body, USAGE_PATH, account.value());
    }

    /** {@code SettleReservation}: spends part of an open reservation (a partner key's budget). */
    public LedgerAnswer settleReservation(
            AccountId account,
            String reservationId,
            String commandId,
            Credits amount,
            String usageId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commandId", commandId);
        body.put("amountUcr", amount.ucr());
        body.put("usageId", usageId);
        return post(commandId, body, SETTLEMENTS_PATH, account.value(), reservationId);
    }

    private LedgerAnswer post(
            String commandId, Map<String, Object> body, String path, Object... pathVariables) {
        try {
            return http.post()
                    .uri(path, pathVariables)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange(
                            (request, response) ->
                                    answer(
                                            commandId,
                                            response.getStatusCode(),
                                            response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            throw new LedgerUnavailableException("ledger unreachable for " + commandId, e);
        }
    }

    private LedgerAnswer answer(String commandId, HttpStatusCode status, byte[] body) {
        if (status.is2xxSuccessful()) {
            return LedgerAnswer.posted(commandId);
        }
        if (status.is4xxClientError() && !isTransient(status)) {
            return LedgerAnswer.refused(commandId, codeOf(body, status));
        }
        throw new LedgerUnavailableException(
                "ledger answered " + status.value() + " to " + commandId);
    }

    /** Too many requests and request timeouts say "not now", not "no". */
    private static boolean isTransient(HttpStatusCode status) {
        return status.value() == TOO_MANY_REQUESTS || status.value() == REQUEST_TIMEOUT;
    }

    private String codeOf(byte[] body, HttpStatusCode status) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("code")) {
                return problem.get("code").asText();
            }
        } catch (IOException e) {
            // A 4xx without a readable problem body is still a refusal; its status is the code.
        }
        return "HTTP_" + status.value();
    }
}
