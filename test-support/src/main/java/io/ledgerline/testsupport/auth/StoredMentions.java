package io.ledgerline.testsupport.auth;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The rows of a schema whose text mentions a marker: what a test counts before and after sending
 * requests that all carry that marker, to prove none of them stored anything. Counting by marker
 * rather than counting every row keeps the proof true while other work writes to the same tables.
 */
public final class StoredMentions {

    private StoredMentions() {}

    /**
     * Rows per table of {@code schema} whose text contains {@code marker}; tables with none left
     * out.
     */
    public static Map<String, Long> of(DataSource dataSource, String schema, String marker) {
        var counts = new LinkedHashMap<String, Long>();
        try (var connection = dataSource.getConnection()) {
            var tables = new ArrayList<String>();
            try (var statement =
                    connection.prepareStatement(
                            "SELECT table_name FROM information_schema.tables"
                                    + " WHERE table_schema = ? AND table_type = 'BASE TABLE'"
                                    + " ORDER BY table_name")) {
                statement.setString(1, schema);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            for (var table : tables) {
                var sql =
                        "SELECT count(*) FROM \""
                                + schema
                                + "\".\""
                                + table
                                + "\" t WHERE strpos(t::text, ?) > 0";
                try (var statement = connection.prepareStatement(sql)) {
                    statement.setString(1, marker);
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            counts.put(table, rows.getLong(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read schema " + schema, e);
        }
        return counts;
    }
}
