package io.ledgerline.billing.invoices;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;

/** An invoice as a PDF document (OpenPDF), with the same content as its hosted page. */
final class InvoicePdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 10);
    private static final Font HEAD = new Font(Font.HELVETICA, 10, Font.BOLD);

    private InvoicePdf() {}

    static byte[] render(Invoice invoice) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Invoice " + invoice.number());
            document.open();
            document.add(new Paragraph("Invoice " + invoice.number(), TITLE));
            document.add(new Paragraph("Status: " + invoice.status().name(), TEXT));
            document.add(new Paragraph("Issued: " + invoice.createdAt(), TEXT));
            document.add(new Paragraph(" ", TEXT));
            var table = new PdfPTable(new float[] {6, 1.5f, 2, 2});
            table.setWidthPercentage(100);
            for (var head : new String[] {"Description", "Quantity", "Unit", "Amount"}) {
                table.addCell(cell(head, HEAD, Element.ALIGN_LEFT));
            }
            for (var line : invoice.lines()) {
                table.addCell(cell(line.description(), TEXT, Element.ALIGN_LEFT));
                table.addCell(cell(Long.toString(line.quantity()), TEXT, Element.ALIGN_RIGHT));
                table.addCell(
                        cell(InvoiceHtml.money(line.unitAmountCents()), TEXT, Element.ALIGN_RIGHT));
                table.addCell(
                        cell(InvoiceHtml.money(line.amountCents()), TEXT, Element.ALIGN_RIGHT));
            }
            document.add(table);
            document.add(new Paragraph("Total: " + InvoiceHtml.money(invoice.totalCents()), HEAD));
            document.add(
                    new Paragraph("Paid: " + InvoiceHtml.money(invoice.amountPaidCents()), TEXT));
            document.add(
                    new Paragraph("Due: " + InvoiceHtml.money(invoice.amountDueCents()), TEXT));
            if (invoice.amountRefundedCents() > 0) {
                document.add(
                        new Paragraph(
                                "Refunded: " + InvoiceHtml.money(invoice.amountRefundedCents()),
                                TEXT));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("invoice " + invoice.invoiceId() + " not rendered", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        return cell;
    }
}
