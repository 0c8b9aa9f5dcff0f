package io.ledgerline.gateway.key;

import io.ledgerline.gateway.key.KeyRequests.CreateCustomerKey;
import io.ledgerline.gateway.key.KeyRequests.KeyCommand;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A customer's own AI Gateway keys (R8), as the white-label portal calls them. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/keys")
public class CustomerKeyController {

    private final KeyService service;
    private final KeyRegistry registry;
    private final KeyViews views;

    public CustomerKeyController(KeyService service, KeyRegistry registry, KeyViews views) {
        this.service = service;
        this.registry = registry;
        this.views = views;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<KeyView> create(@PathVariable String customerId, @RequestBody CreateCustomerKey body) {
        return Blocking.call(() -> service.createCustomerKey(customerId, body));
    }

    @GetMapping
    List<KeyView> list(@PathVariable String customerId) {
        return registry.all().stream()
                .filter(key -> key.config().isSelfService())
                .filter(key -> customerId.equals(key.config().customerId()))
                .sorted(Comparator.comparing((LiveKey key) -> key.config().createdAt())
                        .thenComparing(LiveKey::keyId))
                .map(views::of)
                .toList();
    }

    @PostMapping("/{keyId}/regenerate")
    Mono<KeyView> regenerate(@PathVariable String customerId, @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> service.regenerateForCustomer(customerId, keyId, body));
    }

    @PostMapping("/{keyId}/revoke")
    Mono<KeyView> revoke(@PathVariable String customerId, @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> service.revokeForCustomer(customerId, keyId, body));
    }
}
