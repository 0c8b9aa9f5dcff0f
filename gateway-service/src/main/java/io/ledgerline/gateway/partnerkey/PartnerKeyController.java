package io.ledgerline.gateway.partnerkey;

import io.ledgerline.contracts.rating.ModelPrice;
import io.ledgerline.gateway.management.Blocking;
import io.ledgerline.gateway.management.KeyCommand;
import io.ledgerline.gateway.management.KeyView;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.BillingPreview;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.BudgetPreview;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.CreatePartnerKey;
import io.ledgerline.gateway.partnerkey.PartnerKeyRequests.TopUp;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** The partner's AI Gateway keys (R10, R11), as the partner portal calls them. */
@RestController
@RequestMapping("/api/v1/partners/{partnerId}")
class PartnerKeyController {

    private final PartnerKeys keys;

    PartnerKeyController(PartnerKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<KeyView> create(@PathVariable String partnerId, @RequestBody CreatePartnerKey body) {
        return Blocking.call(() -> keys.create(partnerId, body));
    }

    @GetMapping("/keys")
    List<KeyView> list(
            @PathVariable String partnerId,
            @RequestParam(defaultValue = "false") boolean includeRevoked) {
        return keys.list(partnerId, includeRevoked);
    }

    @GetMapping("/keys/{keyId}")
    KeyView get(@PathVariable String partnerId, @PathVariable String keyId) {
        return keys.get(partnerId, keyId);
    }

    @PostMapping("/keys/{keyId}/top-ups")
    Mono<KeyView> topUp(
            @PathVariable String partnerId, @PathVariable String keyId, @RequestBody TopUp body) {
        return Blocking.call(() -> keys.topUp(partnerId, keyId, body));
    }

    @PostMapping("/keys/{keyId}/regenerate")
    Mono<KeyView> regenerate(
            @PathVariable String partnerId,
            @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> keys.regenerate(partnerId, keyId, body));
    }

    @PostMapping("/keys/{keyId}/revoke")
    Mono<KeyView> revoke(
            @PathVariable String partnerId,
            @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> keys.revoke(partnerId, keyId, body));
    }

    /** R10: the total a budget takes from the partner (budget + tier fee), before creation. */
    @PostMapping("/keys/budget-preview")
    Mono<Map<String, Object>> budgetPreview(
            @PathVariable String partnerId, @RequestBody BudgetPreview body) {
        return Blocking.call(() -> keys.budgetPreview(partnerId, body));
    }

    /** R10: what given usage would cost the platform and the assigned customer. */
    @PostMapping("/keys/billing-preview")
    Map<String, Object> billingPreview(
            @PathVariable String partnerId, @RequestBody BillingPreview body) {
        return keys.billingPreview(body);
    }

    /** R10: the models this partner's tier may put on keys. */
    @GetMapping("/models")
    Mono<List<ModelPrice>> models(@PathVariable String partnerId) {
        return Blocking.call(() -> keys.models(partnerId));
    }
}
