package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.ledger.audit.StatementExport.Statement;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Statement} as CSV (one table, a {@code record} column) or as JSON. */
public final class StatementWriter {

    static final String CSV_HEADER =
            "record,ledger_account,ledger,from,to,opening_ucr,in_ucr,"
                    + "out_ucr,closing_ucr,event_id,global_index,aggregate,sequence,occurred_at,type,debit,"
                    + "credit,amount_ucr,hash,prev_hash";

    private StatementWriter() {}

    public static void csv(Statement statement, OutputStream target) {
        var out = new PrintWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
        out.println(CSV_HEADER);
        for (var a : statement.accounts()) {
            out.printf(
                    "statement,%s,%s,%s,%s,%d,%d,%d,%d,,,,,,,,,,,%n",
                    csv(a.ledgerAccount()),
                    a.ledger(),
                    statement.from(),
                    statement.to(),
                    a.openingUcr(),
                    a.inUcr(),
                    a.outUcr(),
                    a.closingUcr());
        }
        for (var t : statement.transfers()) {
            out.printf(
                    "transfer,,%s,,,,,,,%s,%d,%s,%d,%s,%s,%s,%s,%d,%s,%s%n",
                    t.ledger(),
                    csv(t.eventId()),
                    t.globalIndex(),
                    csv(t.aggregate()),
                    t.sequence(),
                    t.occurredAt(),
                    t.type(),
                    csv(t.debit()),
                    csv(t.credit()),
                    t.amountUcr(),
                    t.hash(),
                    t.prevHash());
        }
        out.flush();
    }

    public static void json(Statement statement, OutputStream target) throws IOException {
        ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValue(target, statement);
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
