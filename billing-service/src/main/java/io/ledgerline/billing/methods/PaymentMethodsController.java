package io.ledgerline.billing.methods;

import io.ledgerline.billing.commerce.Owners;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The Payment Methods tab (R17): reading is {@code billing.read}, changes {@code
 * billing.purchases}.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/payment-methods")
class PaymentMethodsController {

    /** A card as the customer typed it; it goes to the provider and is not stored here. */
    record NewCard(NewMethod.Card card) {}

    private final PaymentMethods methods;

    PaymentMethodsController(PaymentMethods methods) {
        this.methods = methods;
    }

    @GetMapping
    List<PaymentMethod> list(@PathVariable String accountId) {
        return methods.list(Owners.require(accountId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PaymentMethod add(@PathVariable String accountId, @RequestBody NewCard body) {
        return methods.add(Owners.require(accountId), new NewMethod(body.card()));
    }

    @PostMapping("/{methodId}/default")
    PaymentMethod makeDefault(@PathVariable String accountId, @PathVariable String methodId) {
        return methods.makeDefault(Owners.require(accountId), methodId);
    }

    @DeleteMapping("/{methodId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String accountId, @PathVariable String methodId) {
        methods.delete(Owners.require(accountId), methodId);
    }
}
