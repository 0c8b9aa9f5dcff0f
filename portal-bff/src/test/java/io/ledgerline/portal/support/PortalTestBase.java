package io.ledgerline.portal.support;

import io.ledgerline.portal.support.FakeDownstream.Account;
import io.ledgerline.portal.support.FakeDownstream.FeedItem;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/**
 * The portal against real PostgreSQL (its Flyway schema with the demo logins) and a {@link
 * FakeDownstream} standing in for the ledger, gateway and notification service. One Spring context
 * and one fake server serve every test class that extends this.
 *
 * <p>Besides the demo tenants (partner acme; customers bistro with AI credits, cornershop without)
 * it adds partner globex with customer harbor, and customer "drifted", which the portal maps to
 * acme but the ledger says belongs to globex.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
public abstract class PortalTestBase {

    public static final String PASSWORD = "demo";

    /** An unread item of tenant B's (partner globex's) notification feed. */
    public static final long B_FEED_ITEM = 901;

    protected static final FakeDownstream DOWNSTREAM = new FakeDownstream();

    /** billing-service's commerce API, kept apart: its paths overlap the ledger's. */
    protected static final FakeBilling BILLING = new FakeBilling();

    @LocalServerPort protected int port;

    @Autowired protected JdbcClient jdbc;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry properties) {
        properties.add("ledgerline.ledger.url", DOWNSTREAM::ledgerUrl);
        properties.add("ledgerline.gateway.management-url", DOWNSTREAM::gatewayUrl);
        properties.add("ledgerline.notification.url", DOWNSTREAM::notificationUrl);
        properties.add("ledgerline.billing.url", BILLING::url);
        // As behind the portal's proxy: the client address is X-Forwarded-For's (PortalBrowser).
        properties.add("server.forward-headers-strategy", () -> "native");
    }

    @BeforeEach
    void demoWorld() {
        DOWNSTREAM.account(new Account("partner:acme", "acme", false, 50_000_000_000L));
        DOWNSTREAM.account(new Account("customer:bistro", "acme", true, 723_750_000L));
        DOWNSTREAM.account(new Account("customer:cornershop", "acme", false, 0));
        DOWNSTREAM.account(new Account("partner:globex", "globex", false, 1_000_000_000L));
        DOWNSTREAM.account(new Account("customer:harbor", "globex", true, 5_000_000L));
        DOWNSTREAM.account(new Account("customer:drifted", "globex", true, 5_000_000L));
        DOWNSTREAM.selfService("acme", true);
        DOWNSTREAM.partnerKeysAsSeeded();
        DOWNSTREAM.feeds(
                List.of(
                        new FeedItem(
                                101,
                                "partner:acme",
                                "RESERVE_WARNING",
                                "Platform credits are running low",
                                "Acme has 1,900 platform credits left.",
                                true),
                        new FeedItem(
                                102,
                                "partner:acme",
                                "LOW_CREDIT",
                                "Bistro is low on AI credits",
                                "Bistro has 9.50 AI credits left.",
                                false),
                        new FeedItem(
                                103,
                                "partner:acme",
                                "KEY_SUSPENDED",
                                "A key of Bistro was suspended",
                                "Bistro's key My app is suspended until credits are added.",
                                false),
                        new FeedItem(
                                201,
                                "customer:bistro",
                                "LOW_CREDIT",
                                "You are low on AI credits",
                                "9.50 AI credits left.",
                                false),
                        new FeedItem(
                                B_FEED_ITEM,
                                "partner:globex",
                                "ZERO_BALANCE",
                                "Globex is out of platform credits",
                                "Globex has no platform credits left.",
                                false)));
        DOWNSTREAM.forget();
        BILLING.reset();
        BILLING.forget();
        jdbc.sql(
                        """
                INSERT INTO portal.tenant (account_id, kind, partner_id, display_name) VALUES
                  ('partner:globex', 'PARTNER', 'globex', 'Globex'),
                  ('customer:harbor', 'CUSTOMER', 'globex', 'Harbor'),
                  ('customer:drifted', 'CUSTOMER', 'acme', 'Drifted')
                ON CONFLICT (account_id) DO NOTHING""")
                .update();
        // Features & Add-ons as the migrations leave the demo customers.
        jdbc.sql(
                        """
                UPDATE portal.tenant SET portal_access = true, ai_gateway_visible = true,
                  knowledge_base = false, phone_numbers = false, integration = false,
                  integration_apps = '{}', my_docs_and_media = false, api_access = false,
                  api_keys_visible = false, show_pricing = true
                WHERE kind = 'CUSTOMER'""")
                .update();
        jdbc.sql(
                        """
                INSERT INTO portal.portal_user (email, password_hash, role, account_id,
                                                display_name, team_role)
                SELECT 'globex@test.ledgerline', password_hash, 'PARTNER', 'partner:globex',
                       'Globex', 'OWNER'
                FROM portal.portal_user WHERE email = 'acme@demo.ledgerline'
                ON CONFLICT (email) DO NOTHING""")
                .update();
    }

    /**
     * A new login in {@code accountId}'s team with {@code teamRole}, password {@link #PASSWORD}.
     */
    protected void addMember(String accountId, String email, String teamRole) {
        jdbc.sql(
                        """
                INSERT INTO portal.portal_user (email, password_hash, role, account_id,
                                                display_name, team_role)
                SELECT ?, u.password_hash, t.kind, t.account_id, ?, ?
                FROM portal.portal_user u, portal.tenant t
                WHERE u.email = 'acme@demo.ledgerline' AND t.account_id = ?""")
                .param(email)
                .param(email)
                .param(teamRole)
                .param(accountId)
                .update();
    }

    protected PortalBrowser signedIn(String email) {
        var browser = new PortalBrowser(port);
        var reply = browser.signIn(email, PASSWORD);
        if (reply.status() != 200) {
            throw new AssertionError("sign-in of " + email + " answered " + reply);
        }
        return browser;
    }
}
