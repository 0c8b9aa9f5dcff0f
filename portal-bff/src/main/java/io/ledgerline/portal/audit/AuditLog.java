package io.ledgerline.portal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends records to {@code portal.audit_record}. The database chains each to its tenant's last
 * record and refuses any change afterwards (V3); here only the insert. It joins the caller's
 * transaction, so a record and the state change it describes commit or vanish together.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry entry) {
        jdbc.sql(
                        """
                        INSERT INTO portal.audit_record
                            (tenant, actor, action, target, before, after, outcome, source)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .param(entry.tenant())
                .param(entry.actor())
                .param(entry.action().name())
                .param(entry.target())
                .param(toJson(entry.before()))
                .param(toJson(entry.after()))
                .param(entry.outcome())
                .param(sourceAddress())
                .update();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not JSON", e);
        }
    }

    /** The client address as the request reports it (the proxy's header only when trusted). */
    private static String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes()
                instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
