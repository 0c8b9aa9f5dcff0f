package io.ledgerline.portal.usage;

/**
 * Detailed Usage as CSV, one line per day and kind; credits with six decimals, as the ledger keeps
 * them. No field holds text a person typed, so nothing needs quoting.
 */
final class UsageCsv {

    static final String HEADER = "day,kind,uses,tokens_in,tokens_out,call_seconds,credits\n";

    private UsageCsv() {}

    static String of(DetailedUsage usage) {
        var csv = new StringBuilder(HEADER);
        for (var day : usage.days()) {
            csv.append(day.day())
                    .append(',')
                    .append(day.kind())
                    .append(',')
                    .append(day.uses())
                    .append(',')
                    .append(day.tokensIn())
                    .append(',')
                    .append(day.tokensOut())
                    .append(',')
                    .append(day.callSeconds())
                    .append(',')
                    .append(credits(day.creditsUcr().ucr()))
                    .append('\n');
        }
        return csv.toString();
    }

    /** 2500000 µcr → "2.500000". */
    static String credits(long ucr) {
        var sign = ucr < 0 ? "-" : "";
        var abs = Math.abs(ucr);
        return sign + (abs / 1_000_000) + "." + String.format("%06d", abs % 1_000_000);
    }
}
