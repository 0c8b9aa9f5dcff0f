package io.ledgerline.portal.billing;

import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.BillingClient;
import io.ledgerline.portal.downstream.BillingViews.Invoice;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Invoices tab (R17): the tenant's invoices, each one's hosted page and PDF served through the
 * portal (billing's own port is not public), and paying an open one with a saved method.
 */
@RestController
@RequestMapping("/api/portal/billing/invoices")
class InvoicesController {

    /** No method: billing charges the default one. */
    record Payment(String paymentMethodId) {}

    record Paying(String invoiceId, String number, long amountDueCents, String methodId) {}

    private final BillingAccount account;
    private final BillingClient billing;
    private final Audited audited;

    InvoicesController(BillingAccount account, BillingClient billing, Audited audited) {
        this.account = account;
        this.billing = billing;
        this.audited = audited;
    }

    @GetMapping
    List<Invoice> list(PortalUser user) {
        return billing.invoices(account.own(user));
    }

    /**
     * The hosted page as billing renders it, with billing's own strict headers: no script, not
     * framed, the address kept from other sites.
     */
    @GetMapping("/{invoiceId}/page")
    ResponseEntity<String> page(PortalUser user, @PathVariable String invoiceId) {
        var invoice = invoice(account.own(user), invoiceId);
        if (invoice.hostedPath() == null) {
            throw new Refused(BillingRefusal.INVOICE_NOT_FOUND, "this invoice has no hosted page");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .body(billing.hostedPage(invoice.hostedPath()));
    }

    @GetMapping("/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(PortalUser user, @PathVariable String invoiceId) {
        var owner = account.own(user);
        var invoice = invoice(owner, invoiceId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(invoice.number() + ".pdf")
                                .build()
                                .toString())
                .body(billing.invoicePdf(owner, invoice.invoiceId()));
    }

    /** 202 in billing: the invoice is paid when the provider's event arrives, a moment later. */
    @PostMapping(path = "/{invoiceId}/pay", consumes = MediaType.APPLICATION_JSON_VALUE)
    Invoice pay(PortalUser user, @PathVariable String invoiceId, @RequestBody Payment body) {
        var owner = account.own(user);
        var methodId = BillingFields.optionalId("paymentMethodId", body.paymentMethodId());
        var invoice = invoice(owner, invoiceId);
        var asked =
                new Paying(
                        invoice.invoiceId(), invoice.number(), invoice.amountDueCents(), methodId);
        return audited.call(
                AuditEntry.by(user, AuditAction.INVOICE_PAYMENT_REQUESTED, owner, null, asked),
                () -> billing.payInvoice(owner, invoice.invoiceId(), methodId),
                paid -> asked);
    }

    /** The tenant's own invoice; another tenant's id is "not found", as an unknown one is. */
    private Invoice invoice(String owner, String invoiceId) {
        return billing.invoice(owner, BillingFields.id("invoiceId", invoiceId));
    }
}
