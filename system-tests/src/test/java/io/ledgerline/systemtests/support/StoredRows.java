package io.ledgerline.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Searches every row of every table of the services' schemas for a piece of text. */
public final class StoredRows {

    private static final String TABLES =
            """
            SELECT table_schema, table_name FROM information_schema.tables
             WHERE table_type = 'BASE TABLE'
               AND table_schema NOT IN ('pg_catalog', 'information_schema')
            """;

    private StoredRows() {}

    /**
     * The tables holding {@code text} in any column, as text or inside a bytea column (whose text
     * form is hexadecimal).
     */
    public static List<String> tablesContaining(RunningStack stack, String text) {
        var hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
        var hits = new ArrayList<String>();
        try (var connection = stack.database()) {
            var tables = new ArrayList<String>();
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery(TABLES)) {
                while (rows.next()) {
                    tables.add("\"" + rows.getString(1) + "\".\"" + rows.getString(2) + "\"");
                }
            }
            for (var table : tables) {
                var sql =
                        "SELECT count(*) FROM "
                                + table
                                + " t WHERE strpos(t::text, ?) > 0 OR strpos(t::text, ?) > 0";
                try (var statement = connection.prepareStatement(sql)) {
                    statement.setString(1, text);
                    statement.setString(2, hex);
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            hits.add(table);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not search the stored rows", e);
        }
        return hits;
    }
}
