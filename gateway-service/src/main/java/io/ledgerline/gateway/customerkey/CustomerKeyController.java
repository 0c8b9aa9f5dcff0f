package io.ledgerline.gateway.customerkey;

import io.ledgerline.gateway.management.Blocking;
import io.ledgerline.gateway.management.KeyCommand;
import io.ledgerline.gateway.management.KeyView;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** A customer's own AI Gateway keys (R8), as the white-label portal calls them. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
class CustomerKeyController {

    private final CustomerKeys keys;

    CustomerKeyController(CustomerKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<KeyView> create(@PathVariable String customerId, @RequestBody CreateCustomerKey body) {
        return Blocking.call(() -> keys.create(customerId, body));
    }

    @GetMapping("/keys")
    List<KeyView> list(@PathVariable String customerId) {
        return keys.list(customerId);
    }

    /**
     * What the customer's AI Gateway page needs (R5, R8): whether AI credits are enabled, the
     * balance, the zero-credit warning, and whether the partner lets this customer create keys.
     */
    @GetMapping("/gateway-status")
    Mono<Map<String, Object>> status(@PathVariable String customerId) {
        return Blocking.call(() -> keys.status(customerId));
    }

    @PostMapping("/keys/{keyId}/regenerate")
    Mono<KeyView> regenerate(
            @PathVariable String customerId,
            @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> keys.regenerate(customerId, keyId, body));
    }

    @PostMapping("/keys/{keyId}/revoke")
    Mono<KeyView> revoke(
            @PathVariable String customerId,
            @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> keys.revoke(customerId, keyId, body));
    }
}
