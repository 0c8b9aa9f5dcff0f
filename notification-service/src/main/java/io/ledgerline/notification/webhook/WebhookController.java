package io.ledgerline.notification.webhook;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.NotificationRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.notification.alert.AlertKind;
import io.ledgerline.notification.web.AccountIds;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** A partner's webhook endpoints: add (the secret shown once), list, delete, log, replay. */
@RestController
@RequestMapping("/api/v1/partners/{partnerId}/webhooks")
class WebhookController {

    static final int MAX_ENDPOINTS_PER_PARTNER = 10;
    static final int MAX_LOG_SIZE = 100;
    static final int DEFAULT_LOG_SIZE = 20;
    static final int SECRET_BYTES = 32;
    static final String SECRET_PREFIX = "whsec_";

    record EndpointBody(String url, List<String> alerts) {}

    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record EndpointView(String endpointId, String url, List<String> alerts, String secret) {}

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final UrlPolicy policy;
    private final SecretSealer sealer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookController(
            WebhookEndpoints endpoints,
            WebhookDeliveries deliveries,
            UrlPolicy policy,
            SecretSealer sealer,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.policy = policy;
        this.sealer = sealer;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    EndpointView add(@PathVariable String partnerId, @RequestBody EndpointBody body) {
        var partner = AccountIds.partner(partnerId);
        var url = policy.check(body.url()).toString();
        var kinds = kinds(body.alerts());
        if (endpoints.ofPartner(partner).size() >= MAX_ENDPOINTS_PER_PARTNER) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "url",
                    "at most " + MAX_ENDPOINTS_PER_PARTNER + " endpoints per partner");
        }
        var endpointId = "whe_" + UUID.randomUUID().toString().replace("-", "");
        var secret = newSecret();
        var endpoint =
                new Endpoint(
                        endpointId,
                        partner,
                        url,
                        kinds,
                        sealer.seal(endpointId, secret),
                        clock.instant());
        endpoints.add(endpoint);
        return view(endpoint, secret);
    }

    @GetMapping
    List<EndpointView> list(@PathVariable String partnerId) {
        return endpoints.ofPartner(AccountIds.partner(partnerId)).stream()
                .map(endpoint -> view(endpoint, null))
                .toList();
    }

    @DeleteMapping("/{endpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String partnerId, @PathVariable String endpointId) {
        if (!endpoints.delete(AccountIds.partner(partnerId), endpointId, clock.instant())) {
            throw notFound();
        }
    }

    @GetMapping("/{endpointId}/deliveries")
    List<WebhookDeliveries.Delivery> log(
            @PathVariable String partnerId,
            @PathVariable String endpointId,
            @RequestParam(defaultValue = "" + DEFAULT_LOG_SIZE) int limit) {
        if (limit < 1 || limit > MAX_LOG_SIZE) {
            throw Refused.field(
                    CommonRefusal.INVALID_PAGING, "limit", "between 1 and " + MAX_LOG_SIZE);
        }
        requireOwn(partnerId, endpointId);
        return deliveries.newestFirst(endpointId, limit);
    }

    @PostMapping("/{endpointId}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void replay(
            @PathVariable String partnerId,
            @PathVariable String endpointId,
            @PathVariable String deliveryId) {
        requireOwn(partnerId, endpointId);
        if (!deliveries.replay(endpointId, deliveryId, clock.instant())) {
            throw new Refused(NotificationRefusal.DELIVERY_NOT_FOUND, "no such delivery");
        }
    }

    private void requireOwn(String partnerId, String endpointId) {
        var partner = AccountIds.partner(partnerId);
        var endpoint = endpoints.live(endpointId);
        if (endpoint.isEmpty() || !endpoint.get().partnerId().equals(partner)) {
            throw notFound();
        }
    }

    private static EnumSet<AlertKind> kinds(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(AlertKind.class);
        }
        var kinds = EnumSet.noneOf(AlertKind.class);
        for (var name : names) {
            var kind = AlertKind.parse(name);
            if (kind.isEmpty()) {
                throw Refused.field(
                        NotificationRefusal.UNKNOWN_ALERT_KIND, "alerts", "unknown alert kind");
            }
            kinds.add(kind.get());
        }
        return kinds;
    }

    private String newSecret() {
        var bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Refused notFound() {
        return new Refused(NotificationRefusal.WEBHOOK_NOT_FOUND, "no such webhook endpoint");
    }

    private static EndpointView view(Endpoint endpoint, String secret) {
        return new EndpointView(
                endpoint.endpointId(),
                endpoint.url(),
                endpoint.alertKinds().stream().map(Enum::name).sorted().toList(),
                secret);
    }
}
