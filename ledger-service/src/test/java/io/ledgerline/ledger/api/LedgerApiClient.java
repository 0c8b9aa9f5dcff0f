package io.ledgerline.ledger.api;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

/** Talks to the ledger's REST API the way a client would: JSON in, JSON (or a problem) out. */
public final class LedgerApiClient {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON =
            new ParameterizedTypeReference<>() {};

    private final TestRestTemplate http;

    public LedgerApiClient(TestRestTemplate http) {
        this.http = http;
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    public ResponseEntity<Map<String, Object>> put(String path, Object body) {
        return exchange(HttpMethod.PUT, path, body);
    }

    public ResponseEntity<Map<String, Object>> get(String path) {
        return http.exchange("/api/v1" + path, HttpMethod.GET, null, JSON);
    }

    public ResponseEntity<Map<String, Object>> postRaw(String path, String rawJson) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(
                "/api/v1" + path, HttpMethod.POST, new HttpEntity<>(rawJson, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> exchange(
            HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/v1" + path, method, new HttpEntity<>(body, headers), JSON);
    }

    /** Opens a new partner topped up with {@code amountUcr}; returns the partner's id. */
    public String openFundedPartner(long amountUcr) {
        var partner = newId("p");
        openPartner(partner);
        expectOk(add("partner:" + partner, amountUcr, "top-up"));
        return partner;
    }

    public ResponseEntity<Map<String, Object>> reserve(
            String accountId,
            String reservationId,
            long amountUcr,
            long timeoutSeconds,
            String purpose) {
        return post(
                "/accounts/" + accountId + "/reservations",
                Map.of(
                        "commandId", newId("r"),
                        "reservationId", reservationId,
                        "amountUcr", amountUcr,
                        "timeoutSeconds", timeoutSeconds,
                        "purpose", purpose));
    }

    public void openPartner(String partnerId) {
        expectOk(
                post(
                        "/accounts",
                        Map.of(
                                "commandId",
                                newId("open"),
                                "accountId",
                                "partner:" + partnerId,
                                "partnerId",
                                partnerId)));
    }

    public void openCustomer(String customerId, String partnerId, boolean aiCredits) {
        expectOk(
                post(
                        "/accounts",
                        Map.of(
                                "commandId",
                                newId("open"),
                                "accountId",
                                "customer:" + customerId,
                                "partnerId",
                                partnerId)));
        expectOk(
                put(
                        "/accounts/customer:" + customerId + "/ai-credits",
                        Map.of(
                                "commandId",
                                newId("ai"),
                                "enabled",
                                aiCredits,
                                "pricePerMinuteUcr",
                                2_000_000,
                                "graceSeconds",
                                30,
                                "lowCreditThresholdUcr",
                                100_000_000,
                                "lowCreditNotifications",
                                true)));
    }

    public ResponseEntity<Map<String, Object>> add(String accountId, long amountUcr, String note) {
        return post(
                "/accounts/" + accountId + "/credits",
                Map.of("commandId", newId("add"), "amountUcr", amountUcr, "note", note));
    }

    public ResponseEntity<Map<String, Object>> deduct(
            String accountId, long amountUcr, String reason) {
        return post(
                "/accounts/" + accountId + "/deductions",
                Map.of("commandId", newId("deduct"), "amountUcr", amountUcr, "reason", reason));
    }

    public static void expectOk(ResponseEntity<Map<String, Object>> response) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError(
                    "expected success but got "
                            + response.getStatusCode()
                            + ": "
                            + response.getBody());
        }
    }
}
