package io.ledgerline.portal.tenancy;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The customer -> partner mapping and the per-customer portal toggles. */
@Repository
public class TenantDirectory {

    /** A partner's customers table shows at most this many rows. */
    public static final int MAX_CUSTOMERS_LISTED = 200;

    private static final RowMapper<Tenant> TENANT =
            (rs, row) ->
                    new Tenant(
                            rs.getString("account_id"),
                            rs.getString("kind"),
                            rs.getString("partner_id"),
                            rs.getString("display_name"),
                            rs.getBoolean("portal_access"),
                            rs.getBoolean("ai_gateway_visible"));

    private final JdbcClient jdbc;

    TenantDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tenant> find(String accountId) {
        return jdbc.sql("SELECT * FROM portal.tenant WHERE account_id = ?")
                .param(accountId)
                .query(TENANT)
                .optional();
    }

    public List<Tenant> customersOf(String partnerId) {
        return jdbc.sql(
                        """
                        SELECT * FROM portal.tenant
                        WHERE partner_id = ? AND kind = 'CUSTOMER'
                        ORDER BY display_name, account_id
                        LIMIT ?""")
                .param(partnerId)
                .param(MAX_CUSTOMERS_LISTED)
                .query(TENANT)
                .list();
    }
}
