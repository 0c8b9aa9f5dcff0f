package io.ledgerline.gateway.key;

import io.ledgerline.gateway.key.KeyRequests.CreateCustomerKey;
import io.ledgerline.gateway.key.KeyRequests.KeyCommand;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;

/** A customer's own AI Gateway keys (R8), as the white-label portal calls them. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
public class CustomerKeyController {

    private final KeyService service;
    private final KeyRegistry registry;
    private final KeyViews views;
    private final io.ledgerline.gateway.projection.LedgerProjection projection;
    private final SettingsRepository settings;

    public CustomerKeyController(
            KeyService service,
            KeyRegistry registry,
            KeyViews views,
            io.ledgerline.gateway.projection.LedgerProjection projection,
            SettingsRepository settings) {
        this.service = service;
        this.registry = registry;
        this.views = views;
        this.projection = projection;
        this.settings = settings;
    }

    @PostMapping("/keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<KeyView> create(@PathVariable String customerId, @RequestBody CreateCustomerKey body) {
        return Blocking.call(() -> service.createCustomerKey(customerId, body));
    }

    @GetMapping("/keys")
    List<KeyView> list(@PathVariable String customerId) {
        return registry.all().stream()
                .filter(key -> key.config().isSelfService())
                .filter(key -> customerId.equals(key.config().customerId()))
                .sorted(
                        Comparator.comparing((LiveKey key) -> key.config().createdAt())
                                .thenComparing(LiveKey::keyId))
                .map(views::of)
                .toList();
    }

    /**
     * What the customer's AI Gateway page needs (R5, R8): whether AI credits are enabled, the
     * balance, the zero-credit warning, and whether the partner lets this customer create keys.
     */
    @GetMapping("/gateway-status")
    Mono<java.util.Map<String, Object>> status(@PathVariable String customerId) {
        return Blocking.call(
                () -> {
                    var customer =
                            projection
                                    .customer(KeyValidation.id(customerId, "customerId"))
                                    .filter(c -> c.partnerId() != null)
                                    .orElseThrow(
                                            () ->
                                                    io.ledgerline.gateway.error.ApiProblem.notFound(
                                                            "CUSTOMER_NOT_FOUND",
                                                            "no customer account " + customerId));
                    var balance = projection.customerAiBalance(customerId);
                    var settings = this.settings.find(customer.partnerId());
                    return java.util.Map.of(
                            "customerId",
                            customerId,
                            "partnerId",
                            customer.partnerId(),
                            "aiCreditsEnabled",
                            customer.aiCreditsEnabled(),
                            "aiBalanceUcr",
                            balance,
                            "zeroBalance",
                            !balance.isPositive(),
                            "selfServiceAvailable",
                            customer.aiCreditsEnabled()
                                    && settings.selfServiceAppliesTo(customer.openedAt()));
                });
    }

    @PostMapping("/keys/{keyId}/regenerate")
    Mono<KeyView> regenerate(
            @PathVariable String customerId,
            @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> service.regenerateForCustomer(customerId, keyId, body));
    }

    @PostMapping("/keys/{keyId}/revoke")
    Mono<KeyView> revoke(
            @PathVariable String customerId,
            @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> service.revokeForCustomer(customerId, keyId, body));
    }
}
