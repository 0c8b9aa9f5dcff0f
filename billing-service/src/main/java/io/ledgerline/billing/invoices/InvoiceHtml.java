package io.ledgerline.billing.invoices;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.ledgerline.billing.commerce.UsdPrices;

/** An invoice as a standalone HTML page; every text from data is escaped. */
final class InvoiceHtml {

    private InvoiceHtml() {}

    static String render(Invoice invoice) {
        var html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Invoice ")
                .append(htmlEscape(invoice.number()))
                .append("</title><style>body{font-family:sans-serif;max-width:40em;margin:2em")
                .append(" auto}table{width:100%;border-collapse:collapse}td,th{padding:.4em;")
                .append("border-bottom:1px solid #ddd;text-align:left}.n{text-align:right}")
                .append("</style></head><body><h1>Invoice ")
                .append(htmlEscape(invoice.number()))
                .append("</h1><p>Status: <strong>")
                .append(invoice.status().name())
                .append("</strong></p><p>Issued: ")
                .append(invoice.createdAt())
                .append("</p><table><tr><th>Description</th><th class=\"n\">Quantity</th>")
                .append("<th class=\"n\">Unit</th><th class=\"n\">Amount</th></tr>");
        for (var line : invoice.lines()) {
            html.append("<tr><td>")
                    .append(htmlEscape(line.description()))
                    .append("</td><td class=\"n\">")
                    .append(line.quantity())
                    .append("</td><td class=\"n\">")
                    .append(money(line.unitAmountCents()))
                    .append("</td><td class=\"n\">")
                    .append(money(line.amountCents()))
                    .append("</td></tr>");
        }
        html.append("</table><p>Total: <strong>")
                .append(money(invoice.totalCents()))
                .append("</strong></p><p>Paid: ")
                .append(money(invoice.amountPaidCents()))
                .append("</p><p>Due: ")
                .append(money(invoice.amountDueCents()))
                .append("</p>");
        if (invoice.amountRefundedCents() > 0) {
            html.append("<p>Refunded: ")
                    .append(money(invoice.amountRefundedCents()))
                    .append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    static String money(long cents) {
        return "$" + UsdPrices.dollars(cents);
    }
}
