package io.ledgerline.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.ledgerline.billing.security.BillingDoors;
import io.ledgerline.billing.support.CommerceTestBase;
import io.ledgerline.testsupport.auth.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The hosted invoice page (public, by its random link) and the PDF download (R17). */
class InvoiceDocumentsTest extends CommerceTestBase {

    @Test
    void R17_the_hosted_page_shows_the_invoice_without_a_token_and_a_wrong_token_is_404()
            throws Exception {
        var account = "customer:" + customerOf(unique("p"));
        var invoiceId = paidInvoice(account);
        var invoice = invoice(account, invoiceId);
        var hostedPath = invoice.path("hostedPath").asText();
        assertThat(hostedPath).matches("/api/v1/hosted-invoices/[A-Za-z0-9_-]{43}");

        var page = anonymousGet(hostedPath);
        var wrong = anonymousGet("/api/v1/hosted-invoices/" + "A".repeat(43));
        var malformed = anonymousGet("/api/v1/hosted-invoices/" + invoiceId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.body())
                .contains(invoice.path("number").asText())
                .contains("PAID")
                .contains("Hosted &lt;Plan&gt;")
                .contains("$12.50");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
    }

    @Test
    void R17_the_pdf_is_a_pdf_with_the_invoice_number_behind_billing_read() throws Exception {
        var account = "customer:" + customerOf(unique("p"));
        var invoiceId = paidInvoice(account);
        var number = invoice(account, invoiceId).path("number").asText();
        var path = "/api/v1/accounts/" + account + "/invoices/" + invoiceId + "/pdf";

        var pdf = http.exchange(path, HttpMethod.GET, withToken(BillingDoors.READ), byte[].class);
        var anonymous = anonymousGet(path);

        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        var bytes = pdf.getBody();
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        var reader = new PdfReader(bytes);
        try {
            var text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains(number).contains("Hosted <Plan>").contains("$12.50");
        } finally {
            reader.close();
        }
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private String paidInvoice(String account) {
        var customer = account.substring("customer:".length());
        var partner =
                jdbc.queryForObject(
                        "SELECT partner_id FROM billing.customer_partners WHERE customer_id = ?",
                        String.class,
                        customer);
        var planId = plan(partner, "Hosted <Plan>", 1250, 10);
        card(account, VISA_SUCCEEDS);
        var purchaseId = unique("buy");
        buy(customer, purchaseId, planId);
        return awaitPurchase(account, purchaseId, "CREDITED").path("invoiceId").asText();
    }

    private static HttpEntity<Void> withToken(String... scopes) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(scopes));
        return new HttpEntity<>(headers);
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        var uri = URI.create(http.getRootUri() + path);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
