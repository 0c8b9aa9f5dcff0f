package io.ledgerline.portal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads one tenant's records, newest first, by the reader's filters. */
@Repository
class AuditRecords {

    /** An export holds at most this many records; narrow the period for more. */
    static final int MAX_EXPORTED = 100_000;

    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditRecords(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<AuditRecord> page(String tenant, AuditFilter filter, int page, int size) {
        var args = new ArrayList<Object>();
        var sql = select(tenant, filter, args) + " LIMIT ? OFFSET ?";
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(sql, mapper(), args.toArray());
    }

    /** Every matching record, read with a cursor so the export never holds them all at once. */
    @Transactional(readOnly = true)
    public void each(String tenant, AuditFilter filter, Consumer<AuditRecord> sink) {
        var args = new ArrayList<Object>();
        var sql = select(tenant, filter, args) + " LIMIT " + MAX_EXPORTED;
        var mapper = mapper();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(sql);
                    statement.setFetchSize(FETCH_SIZE);
                    for (int i = 0; i < args.size(); i++) {
                        statement.setObject(i + 1, args.get(i));
                    }
                    return statement;
                },
                rs -> {
                    sink.accept(mapper.mapRow(rs, 0));
                });
    }

    private static String select(String tenant, AuditFilter filter, List<Object> args) {
        var sql =
                new StringBuilder(
                        "SELECT position, at, actor, action, target, before, after, outcome,"
                                + " source, hash FROM portal.audit_record WHERE tenant = ?");
        args.add(tenant);
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            args.add(filter.action().name());
        }
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        return sql.append(" ORDER BY position DESC").toString();
    }

    private RowMapper<AuditRecord> mapper() {
        return (rs, row) ->
                new AuditRecord(
                        rs.getLong("position"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target"),
                        node(rs, "before"),
                        node(rs, "after"),
                        rs.getString("outcome"),
                        rs.getString("source"),
                        rs.getString("hash"));
    }

    private JsonNode node(ResultSet rs, String column) throws SQLException {
        var text = rs.getString(column);
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("audit column " + column + " is not JSON", e);
        }
    }
}
