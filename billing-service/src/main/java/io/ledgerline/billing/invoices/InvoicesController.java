package io.ledgerline.billing.invoices;

import io.ledgerline.billing.commerce.Owners;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The Invoices tab (R17): history and one invoice to read or download as PDF, an open one to pay.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/invoices")
class InvoicesController {

    record Payment(String paymentMethodId) {}

    private final Invoices invoices;

    InvoicesController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping
    List<Invoice> list(@PathVariable String accountId) {
        return invoices.of(Owners.require(accountId));
    }

    @GetMapping("/{invoiceId}")
    Invoice one(@PathVariable String accountId, @PathVariable String invoiceId) {
        return invoices.one(Owners.require(accountId), invoiceId);
    }

    @GetMapping(value = "/{invoiceId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String accountId, @PathVariable String invoiceId) {
        var invoice = invoices.one(Owners.require(accountId), invoiceId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(invoice.number() + ".pdf")
                                .build()
                                .toString())
                .body(InvoicePdf.render(invoice));
    }

    /**
     * Charges the invoice; 202 because it is paid when the provider's event arrives, a moment
     * later.
     */
    @PostMapping("/{invoiceId}/pay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Invoice pay(
            @PathVariable String accountId,
            @PathVariable String invoiceId,
            @RequestBody(required = false) Payment body) {
        return invoices.pay(
                Owners.require(accountId), invoiceId, body == null ? null : body.paymentMethodId());
    }
}
