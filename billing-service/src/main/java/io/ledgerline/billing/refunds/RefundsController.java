package io.ledgerline.billing.refunds;

import io.ledgerline.billing.commerce.Owners;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Refunds ({@code billing.operate}: an operator's act, or a partner's through its console) and the
 * corrections that refunds and chargebacks made, which a partner reads ({@code billing.read}).
 */
@RestController
class RefundsController {

    record RefundRequest(String refundId, Long amountCents) {}

    private final Refunds refunds;
    private final CorrectionRows corrections;

    RefundsController(Refunds refunds, CorrectionRows corrections) {
        this.refunds = refunds;
        this.corrections = corrections;
    }

    /** 202: the credits are corrected when the provider's refunded event arrives. */
    @PostMapping("/api/v1/accounts/{accountId}/invoices/{invoiceId}/refunds")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Refunds.Refund refund(
            @PathVariable String accountId,
            @PathVariable String invoiceId,
            @RequestBody RefundRequest body) {
        return refunds.refund(
                Owners.require(accountId), invoiceId, body.refundId(), body.amountCents());
    }

    @GetMapping("/api/v1/accounts/{accountId}/payment-corrections")
    List<PaymentCorrection> ofAccount(@PathVariable String accountId) {
        return corrections.of(Owners.require(accountId).value());
    }

    @GetMapping("/api/v1/partners/{partnerId}/payment-corrections")
    List<PaymentCorrection> ofPartner(@PathVariable String partnerId) {
        if (!Ids.isSafe(partnerId)) {
            throw Refused.field(CommonRefusal.INVALID_ID, "partnerId", "not a valid partner id");
        }
        return corrections.ofPartner(partnerId);
    }
}
