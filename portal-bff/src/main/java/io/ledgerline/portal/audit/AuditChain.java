package io.ledgerline.portal.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/** Checks a tenant's hash chain with the database's own {@code portal.audit_verify}. */
@Component
public class AuditChain {

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of the first record that does not hold, or empty when the chain holds. */
    public OptionalLong firstBroken(String tenant) {
        Long broken =
                jdbc.sql("SELECT portal.audit_verify(?)")
                        .param(tenant)
                        .query((rs, row) -> rs.getObject(1, Long.class))
                        .list()
                        .get(0);
        return broken == null ? OptionalLong.empty() : OptionalLong.of(broken);
    }
}
