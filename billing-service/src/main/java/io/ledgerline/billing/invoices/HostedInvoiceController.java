package io.ledgerline.billing.invoices;

import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hosted invoice page: the invoice as HTML for anyone holding its link, no token needed. An
 * unknown or malformed token is 404, the same answer either way.
 */
@RestController
class HostedInvoiceController {

    private final InvoiceRows rows;

    HostedInvoiceController(InvoiceRows rows) {
        this.rows = rows;
    }

    @GetMapping(value = HostedTokens.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        var invoice =
                rows.byHostedToken(token)
                        .orElseThrow(
                                () ->
                                        new Refused(
                                                BillingRefusal.INVOICE_NOT_FOUND,
                                                "no invoice has this page"));
        return ResponseEntity.ok()
                .contentType(
                        new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                // The link is the credential: it must not leak to other sites or search engines.
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .body(InvoiceHtml.render(invoice));
    }
}
