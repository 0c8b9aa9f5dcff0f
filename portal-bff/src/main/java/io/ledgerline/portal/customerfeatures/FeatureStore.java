package io.ledgerline.portal.customerfeatures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** The Features & Add-ons columns of {@code portal.tenant}. */
@Repository
class FeatureStore {

    private final JdbcClient jdbc;

    FeatureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CustomerFeatures of(String accountId) {
        return jdbc.sql("SELECT * FROM portal.tenant WHERE account_id = ?")
                .param(accountId)
                .query(
                        (rs, row) ->
                                new CustomerFeatures(
                                        rs.getBoolean("portal_access"),
                                        rs.getBoolean("knowledge_base"),
                                        rs.getBoolean("phone_numbers"),
                                        rs.getBoolean("integration"),
                                        texts(rs.getArray("integration_apps")),
                                        rs.getBoolean("my_docs_and_media"),
                                        rs.getBoolean("api_access"),
                                        rs.getBoolean("api_keys_visible"),
                                        rs.getBoolean("ai_gateway_visible"),
                                        rs.getBoolean("show_pricing")))
                .single();
    }

    void save(String accountId, CustomerFeatures features) {
        jdbc.sql(
                        """
                        UPDATE portal.tenant SET portal_access = ?, knowledge_base = ?,
                          phone_numbers = ?, integration = ?, integration_apps = ?::text[],
                          my_docs_and_media = ?, api_access = ?, api_keys_visible = ?,
                          ai_gateway_visible = ?, show_pricing = ?
                        WHERE account_id = ? AND kind = 'CUSTOMER'""")
                .param(features.customerPortalEnabled())
                .param(features.knowledgeBase())
                .param(features.phoneNumbers())
                .param(features.integration())
                .param(features.integrationApps().toArray(String[]::new))
                .param(features.myDocsAndMedia())
                .param(features.apiAccess())
                .param(features.apiKeysVisible())
                .param(features.aiGatewayVisible())
                .param(features.showPricing())
                .param(accountId)
                .update();
    }

    /** R6: AI credits turned on turn Show Pricing off. */
    void hidePricing(String accountId) {
        jdbc.sql("UPDATE portal.tenant SET show_pricing = false WHERE account_id = ?")
                .param(accountId)
                .update();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
