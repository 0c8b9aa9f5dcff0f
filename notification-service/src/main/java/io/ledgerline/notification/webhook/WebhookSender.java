package io.ledgerline.notification.webhook;

import io.ledgerline.contracts.problem.Refused;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** Posts one signed delivery to its endpoint and says how it went. */
@Component
public class WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** What happened; {@code retry} is false when no later attempt can go better. */
    public record Outcome(boolean delivered, Integer statusCode, String error, boolean retry) {}

    private final WebhookEndpoints endpoints;
    private final UrlPolicy policy;
    private final SecretSealer sealer;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    WebhookSender(WebhookEndpoints endpoints, UrlPolicy policy, SecretSealer sealer, Clock clock) {
        this.endpoints = endpoints;
        this.policy = policy;
        this.sealer = sealer;
        this.clock = clock;
    }

    public Outcome deliver(String endpointId, String deliveryId, String kind, String body) {
        var endpoint = endpoints.live(endpointId);
        if (endpoint.isEmpty()) {
            return new Outcome(false, null, "the endpoint was deleted", false);
        }
        try {
            var uri = policy.check(endpoint.get().url());
            var secret = sealer.open(endpointId, endpoint.get().sealedSecret());
            long now = clock.instant().getEpochSecond();
            var request =
                    HttpRequest.newBuilder(uri)
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header(Signature.HEADER, Signature.header(secret, now, body))
                            .header(Signature.DELIVERY_HEADER, deliveryId)
                            .header(Signature.EVENT_HEADER, kind)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Outcome(ok, status, ok ? null : "HTTP " + status, !ok);
        } catch (Refused refused) {
            return new Outcome(false, null, refused.getMessage(), false);
        } catch (SecretSealer.UnreadableSecretException unreadable) {
            // Another key cannot sign later either; the log says why instead of retrying a day.
            return new Outcome(false, null, unreadable.getMessage(), false);
        } catch (IOException e) {
            return new Outcome(
                    false, null, e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted", true);
        }
    }
}
